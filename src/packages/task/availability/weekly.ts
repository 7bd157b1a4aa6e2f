import type { Availability, FieldErrors, WeeklyWindow } from '@cloud/contract';

/** A weekly window being edited; `key` keeps React rows and error messages attached to it. */
export interface WindowDraft extends WeeklyWindow {
  key: string;
}

let seq = 0;
const nextKey = () => `w${++seq}`;

/** 'HH:mm' compares correctly as a string (and '24:00' sorts last). */
const byStart = (a: WeeklyWindow, b: WeeklyWindow) => a.weekday - b.weekday || a.start.localeCompare(b.start) || a.end.localeCompare(b.end);

export function toDrafts(weekly: WeeklyWindow[]): WindowDraft[] {
  return [...weekly].sort(byStart).map((w) => ({ weekday: w.weekday, start: w.start, end: w.end, key: nextKey() }));
}

/**
 * A new window for `weekday`: after the day's last window if there is room, else the morning.
 * The user adjusts it with the time pickers.
 */
export function newWindow(drafts: WindowDraft[], weekday: number): WindowDraft {
  const day = drafts.filter((d) => d.weekday === weekday).sort(byStart);
  const last = day[day.length - 1];
  if (!last) return { key: nextKey(), weekday, start: '09:00', end: '12:00' };
  const [h, m] = last.end.split(':').map(Number) as [number, number];
  const startMin = Math.min(h * 60 + m + 60, 22 * 60);
  const endMin = Math.min(startMin + 120, 24 * 60 - 1);
  const hhmm = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  return { key: nextKey(), weekday, start: hhmm(startMin), end: hhmm(endMin) };
}

/**
 * Local checks before saving: each window ends after it starts, and windows of one weekday do not
 * overlap (touching is fine: 09:00–12:00 and 12:00–14:00). Errors are keyed by the window's key.
 */
export function validateWeekly(drafts: WindowDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const d of drafts) {
    if (d.end <= d.start) errors[d.key] = '结束时间应晚于开始时间';
  }
  for (let day = 1; day <= 7; day++) {
    const sorted = drafts.filter((d) => d.weekday === day && !errors[d.key]).sort(byStart);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (cur.start < prev.end) errors[cur.key] = `与 ${prev.start}–${prev.end} 重叠`;
    }
  }
  return errors;
}

export interface Serialised {
  input: Availability;
  /** keys[i] is the draft sent as `weekly[i]`: maps the server's `weekly.i.*` errors back. */
  keys: string[];
}

/** The `task.setAvailability` input: windows by weekday and start, blocked days sorted, no repeats. */
export function serialise(drafts: WindowDraft[], blocked: string[]): Serialised {
  const sorted = [...drafts].sort(byStart);
  return {
    input: {
      weekly: sorted.map((d) => ({ weekday: d.weekday, start: d.start, end: d.end })),
      blocked: [...new Set(blocked)].sort(),
    },
    keys: sorted.map((d) => d.key),
  };
}

export interface MappedErrors {
  /** By window key. */
  windows: Record<string, string>;
  /** By blocked date. */
  blocked: Record<string, string>;
  /** Anything that does not belong to one row. */
  other: string[];
}

/** The server's VALIDATION fields (`weekly.2.start`, `blocked.0`, `weekly`) onto the rows sent. */
export function mapServerErrors(fields: FieldErrors, sent: Serialised): MappedErrors {
  const out: MappedErrors = { windows: {}, blocked: {}, other: [] };
  for (const [path, message] of Object.entries(fields)) {
    const w = /^weekly\.(\d+)(\.|$)/.exec(path);
    const b = /^blocked\.(\d+)$/.exec(path);
    const key = w ? sent.keys[Number(w[1])] : undefined;
    const date = b ? sent.input.blocked[Number(b[1])] : undefined;
    if (key) out.windows[key] ??= message;
    else if (date) out.blocked[date] ??= message;
    else out.other.push(message);
  }
  return out;
}
