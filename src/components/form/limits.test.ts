/** @jest-environment node */
import { describe, expect, it } from '@jest/globals';
import { adminInput, applyInput, orderInput, taskInput } from '@cloud/contract';
import { trustInput } from '@cloud/contract/trust';
import { LIMITS } from './limits';

interface Parses {
  safeParse: (v: unknown) => { success: boolean };
}
/** A zod object's field schema (zod 4 keeps `.shape` through `.strict()` and refinements). */
const field = (schema: unknown, ...path: string[]): Parses =>
  path.reduce<unknown>((s, k) => (s as { shape: Record<string, unknown> }).shape[k], schema) as Parses;

const text = (n: number) => '字'.repeat(n);

/** [what, the form's limit, the server's schema for that text] */
const TEXTS: [string, number, Parses][] = [
  ['order.title', LIMITS.order.title, field(orderInput.create, 'title')],
  ['order.field', LIMITS.order.field, field(orderInput.create, 'field')],
  ['order.description', LIMITS.order.description, field(orderInput.create, 'description')],
  ['order.region', LIMITS.order.region, field(orderInput.create, 'region')],
  ['order.address', LIMITS.order.address, field(orderInput.create, 'venue', 'address')],
  ['order.link', LIMITS.order.link, field(orderInput.create, 'venue', 'link')],
  ['order.note', LIMITS.order.note, field(orderInput.create, 'note')],
  ['order.cancelReason', LIMITS.order.cancelReason, field(orderInput.cancel, 'reason')],
  ['order.disputeReason', LIMITS.order.disputeReason, field(orderInput.dispute, 'reason')],
  ['order.comment', LIMITS.order.comment, field(orderInput.rate, 'comment')],
  ['order.reopenNote', LIMITS.order.reopenNote, field(orderInput.reopen, 'note')],
  ['record.summary', LIMITS.record.summary, field(taskInput.complete, 'record', 'summary')],
  ['record.followUp', LIMITS.record.followUp, field(taskInput.complete, 'record', 'followUp')],
  ['decline.reason', LIMITS.decline.reason, field(taskInput.decline, 'reason')],
  ['decline.reason (handBack)', LIMITS.decline.reason, field(trustInput.handBack, 'reason')],
  ['topic.title', LIMITS.topic.title, field(adminInput.saveTopic, 'title')],
  ['topic.summary', LIMITS.topic.summary, field(adminInput.saveTopic, 'summary')],
  ['topic.audience', LIMITS.topic.audience, field(adminInput.saveTopic, 'audience')],
  ['service.title', LIMITS.service.title, field(adminInput.saveService, 'title')],
  ['service.summary', LIMITS.service.summary, field(adminInput.saveService, 'summary')],
  ['service.field', LIMITS.service.field, field(adminInput.saveService, 'field')],
  ['team.name', LIMITS.team.name, field(adminInput.saveTeam, 'name')],
  ['team.region', LIMITS.team.region, field(adminInput.saveTeam, 'region')],
  ['team.intro', LIMITS.team.intro, field(adminInput.saveTeam, 'intro')],
  ['apply.title', LIMITS.apply.title, field(applyInput, 'title')],
  ['apply.bio', LIMITS.apply.bio, field(applyInput, 'bio')],
  ['review.reason', LIMITS.review.reason, field(adminInput.reviewVolunteer, 'reason')],
];

describe('the form limits are the server’s', () => {
  it.each(TEXTS)('%s: %i characters pass, one more is refused', (_what, max, schema) => {
    expect(schema.safeParse(text(max)).success).toBe(true);
    expect(schema.safeParse(text(max + 1)).success).toBe(false);
  });

  it('photos and tags', () => {
    const photos = (n: number) => Array.from({ length: n }, (_, i) => `/uploads/${i}.jpg`);
    expect(field(orderInput.create, 'photos').safeParse(photos(LIMITS.order.photos)).success).toBe(true);
    expect(field(orderInput.create, 'photos').safeParse(photos(LIMITS.order.photos + 1)).success).toBe(false);
    expect(field(taskInput.complete, 'record', 'photos').safeParse(photos(LIMITS.record.photos + 1)).success).toBe(false);
    const tags = field(applyInput, 'skills');
    expect(tags.safeParse(Array.from({ length: LIMITS.apply.tags }, (_, i) => `技能${i}`)).success).toBe(true);
    expect(tags.safeParse(Array.from({ length: LIMITS.apply.tags + 1 }, (_, i) => `技能${i}`)).success).toBe(false);
    expect(tags.safeParse([text(LIMITS.apply.tag)]).success).toBe(true);
    expect(tags.safeParse([text(LIMITS.apply.tag + 1)]).success).toBe(false);
  });
});
