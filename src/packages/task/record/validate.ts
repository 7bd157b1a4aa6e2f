import type { FieldErrors } from '@cloud/contract';
import type { Outcome } from '../labels';
import { LIMITS, tooLong } from '@/components/form/limits';

export interface RecordDraft {
  peopleServed: string;
  summary: string;
  outcome: Outcome | null;
  followUp: string;
}

/** The same checks as the server, so most mistakes show before a round trip. Keys as the server's. */
export function validateRecord(d: RecordDraft, isNeed: boolean): FieldErrors {
  const errors: FieldErrors = {};
  const people = d.peopleServed.trim();
  if (people === '') errors['record.peopleServed'] = '请填写服务人数';
  else if (!/^\d+$/.test(people)) errors['record.peopleServed'] = '人数应为不小于 0 的整数';
  else if (Number(people) > 100000) errors['record.peopleServed'] = '人数过多';
  const summary = d.summary.trim();
  if (summary.length < 5) errors['record.summary'] = '服务小结至少 5 个字';
  else if (summary.length > LIMITS.record.summary) errors['record.summary'] = tooLong('服务小结', LIMITS.record.summary);
  if (isNeed) {
    if (!d.outcome) errors['record.outcome'] = '请选择问题解决情况';
    else if (d.outcome !== 'resolved' && d.followUp.trim().length < 2) errors['record.followUp'] = '请说明还需要怎样跟进';
  }
  if (d.followUp.trim().length > LIMITS.record.followUp) errors['record.followUp'] = tooLong('后续说明', LIMITS.record.followUp);
  return errors;
}
