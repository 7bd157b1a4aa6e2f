import { describe, expect, it } from '@jest/globals';
import { toIso } from '../time';
import { computeFreeSlots, type Window } from './free-slots';

// 2026-11-23 is a Monday. Shanghai is UTC+8 all year.
const at = (iso: string) => new Date(iso);
const mondayMorning: Window = { weekday: 1, startMinute: 9 * 60, endMinute: 12 * 60 };
const wednesdayAfternoon: Window = { weekday: 3, startMinute: 14 * 60, endMinute: 17 * 60 + 30 };

const base = {
  windows: [mondayMorning, wednesdayAfternoon],
  blockedDays: new Set<string>(),
  busy: [],
  from: at('2026-11-23T00:00:00+08:00'),
  to: at('2026-11-30T00:00:00+08:00'),
  earliest: at('2026-11-22T12:00:00+08:00'),
};

const iso = (slots: { start: Date; end: Date }[]) => slots.map((s) => [toIso(s.start), toIso(s.end)]);

describe('computeFreeSlots', () => {
  it('turns weekly windows into Shanghai-time slots', () => {
    expect(iso(computeFreeSlots(base))).toEqual([
      ['2026-11-23T09:00:00+08:00', '2026-11-23T12:00:00+08:00'],
      ['2026-11-25T14:00:00+08:00', '2026-11-25T17:30:00+08:00'],
    ]);
  });

  it('skips blocked days', () => {
    const slots = computeFreeSlots({ ...base, blockedDays: new Set(['2026-11-25']) });
    expect(iso(slots)).toEqual([['2026-11-23T09:00:00+08:00', '2026-11-23T12:00:00+08:00']]);
  });

  it('cuts busy time out of a window', () => {
    const slots = computeFreeSlots({
      ...base,
      busy: [{ start: at('2026-11-23T10:00:00+08:00'), end: at('2026-11-23T11:00:00+08:00') }],
    });
    expect(iso(slots).slice(0, 2)).toEqual([
      ['2026-11-23T09:00:00+08:00', '2026-11-23T10:00:00+08:00'],
      ['2026-11-23T11:00:00+08:00', '2026-11-23T12:00:00+08:00'],
    ]);
  });

  it('offers nothing before the earliest instant, rounded up to the grid', () => {
    const slots = computeFreeSlots({ ...base, earliest: at('2026-11-23T09:47:00+08:00') });
    expect(iso(slots)[0]).toEqual(['2026-11-23T10:00:00+08:00', '2026-11-23T12:00:00+08:00']);
  });

  it('drops pieces shorter than the minimum length', () => {
    const slots = computeFreeSlots({ ...base, earliest: at('2026-11-23T11:40:00+08:00') });
    expect(iso(slots)[0][0]).toBe('2026-11-25T14:00:00+08:00');
  });

  it('treats Sunday as weekday 7', () => {
    const sunday: Window = { weekday: 7, startMinute: 8 * 60, endMinute: 10 * 60 };
    const slots = computeFreeSlots({ ...base, windows: [sunday] });
    expect(iso(slots)).toEqual([['2026-11-29T08:00:00+08:00', '2026-11-29T10:00:00+08:00']]);
  });

  it('answers nothing for an empty or inverted range', () => {
    expect(computeFreeSlots({ ...base, to: base.from })).toEqual([]);
  });
});
