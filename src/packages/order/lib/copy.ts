import { formatMinutes } from '@/utils/labels';
import { formatDay, inShanghai } from '@/utils/time';

/**
 * A need's wanted time on its confirm step: its start is only the earliest wanted, so "from then,
 * about this long" — not a range followed by 起 (「10:00–14:00 起」 read as nonsense).
 */
export function wantedTimeText(start: string, durationMin: number): string {
  return `${formatDay(start)} ${inShanghai(start).format('HH:mm')} 起，约 ${formatMinutes(durationMin)}`;
}
