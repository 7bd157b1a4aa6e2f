import { shanghaiDay, shanghaiDayStart } from '../time';

export interface Window {
  /** 1 = Monday … 7 = Sunday (Shanghai wall clock). */
  weekday: number;
  startMinute: number;
  endMinute: number;
}

export interface Interval {
  start: Date;
  end: Date;
}

export interface FreeSlotInput {
  windows: Window[];
  /** 'YYYY-MM-DD' (Shanghai) days that are blocked as a whole. */
  blockedDays: ReadonlySet<string>;
  /** Bookings that already hold time. */
  busy: Interval[];
  from: Date;
  to: Date;
  /** Nothing before this instant is offered (now + minimum notice). */
  earliest: Date;
  /** Slots are cut on this grid, in minutes, so a clipped window starts at a sensible time. */
  gridMinutes?: number;
  /** Pieces shorter than this are dropped: nobody can book them. */
  minMinutes?: number;
}

/**
 * Weekly availability → concrete free intervals between `from` and `to`:
 * windows on each Shanghai day, minus blocked days, minus busy intervals, no earlier than
 * `earliest` (rounded up to the grid). Sorted by start.
 */
export function computeFreeSlots(input: FreeSlotInput): Interval[] {
  const grid = (input.gridMinutes ?? 30) * 60_000;
  const minLen = (input.minMinutes ?? 30) * 60_000;
  const lower = Math.max(input.from.getTime(), Math.ceil(input.earliest.getTime() / grid) * grid);
  const upper = input.to.getTime();
  if (upper <= lower) return [];

  const busy = [...input.busy].sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: Interval[] = [];
  for (let day = dayAt(lower); day.start < upper; day = dayAt(day.start + 36 * 3600_000)) {
    const { key, weekday } = day;
    if (!input.blockedDays.has(key)) {
      const todays = input.windows
        .filter((w) => w.weekday === weekday)
        .sort((a, b) => a.startMinute - b.startMinute);
      for (const w of todays) {
        const start = Math.max(day.start + w.startMinute * 60_000, lower);
        const end = Math.min(day.start + w.endMinute * 60_000, upper);
        for (const piece of subtract({ start, end }, busy)) {
          if (piece.end - piece.start >= minLen) out.push({ start: new Date(piece.start), end: new Date(piece.end) });
        }
      }
    }
  }
  return out;
}

/** The Shanghai day containing `t`: arithmetic from 1992 on, dayjs before (no DST since then). */
function dayAt(t: number): { start: number; key: string; weekday: number } {
  const fast = shanghaiDay(t);
  if (fast) return fast;
  const d = shanghaiDayStart(new Date(t));
  return { start: d.valueOf(), key: d.format('YYYY-MM-DD'), weekday: d.isoWeekday() };
}

function subtract(range: { start: number; end: number }, busy: Interval[]) {
  let pieces = [range];
  for (const b of busy) {
    const bs = b.start.getTime();
    const be = b.end.getTime();
    pieces = pieces.flatMap((p) => {
      if (be <= p.start || bs >= p.end) return [p];
      const left = bs > p.start ? [{ start: p.start, end: bs }] : [];
      const right = be < p.end ? [{ start: be, end: p.end }] : [];
      return [...left, ...right];
    });
  }
  return pieces.filter((p) => p.end > p.start);
}
