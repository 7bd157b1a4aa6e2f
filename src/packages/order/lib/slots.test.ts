import { describe, expect, it } from '@jest/globals';
import { bookableDates, dayClockChoices, slotStarts, startsByDay, withinWindow } from './slots';

const slot = (start: string, end: string) => ({ start, end });

describe('slotStarts', () => {
  it('offers every half hour whose start + duration fits in the slot', () => {
    expect(slotStarts(slot('2026-11-24T09:00:00+08:00', '2026-11-24T12:00:00+08:00'), 90)).toEqual([
      '2026-11-24T09:00:00+08:00',
      '2026-11-24T09:30:00+08:00',
      '2026-11-24T10:00:00+08:00',
      '2026-11-24T10:30:00+08:00',
    ]);
  });

  it('keeps a start that ends exactly at the slot end, and none past it', () => {
    const starts = slotStarts(slot('2026-11-24T14:00:00+08:00', '2026-11-24T15:00:00+08:00'), 60);
    expect(starts).toEqual(['2026-11-24T14:00:00+08:00']);
    expect(slotStarts(slot('2026-11-24T14:00:00+08:00', '2026-11-24T14:45:00+08:00'), 60)).toEqual([]);
  });

  it('puts starts on the wall-clock half hour when the slot starts off the grid', () => {
    // A 45-minute booking ended at 10:45: the next start offered is 11:00.
    expect(slotStarts(slot('2026-11-24T10:45:00+08:00', '2026-11-24T12:00:00+08:00'), 45)).toEqual([
      '2026-11-24T11:00:00+08:00',
    ]);
  });

  it('reads UTC input and answers Shanghai time', () => {
    expect(slotStarts(slot('2026-11-24T01:00:00Z', '2026-11-24T02:00:00Z'), 30)).toEqual([
      '2026-11-24T09:00:00+08:00',
      '2026-11-24T09:30:00+08:00',
    ]);
  });

  it('answers nothing for a broken slot or duration', () => {
    expect(slotStarts(slot('x', 'y'), 60)).toEqual([]);
    expect(slotStarts(slot('2026-11-24T09:00:00+08:00', '2026-11-24T12:00:00+08:00'), 0)).toEqual([]);
  });
});

describe('startsByDay', () => {
  it('groups starts by Shanghai day and leaves out days where the duration fits nowhere', () => {
    const days = startsByDay(
      [
        slot('2026-11-25T14:00:00+08:00', '2026-11-25T15:00:00+08:00'),
        slot('2026-11-24T09:00:00+08:00', '2026-11-24T10:30:00+08:00'),
        slot('2026-11-26T09:00:00+08:00', '2026-11-26T09:30:00+08:00'),
        slot('2026-11-24T16:00:00+08:00', '2026-11-24T17:00:00+08:00'),
      ],
      60,
    );
    expect(days.map((d) => [d.date, d.label])).toEqual([
      ['2026-11-24', '11月24日 周二'],
      ['2026-11-25', '11月25日 周三'],
    ]);
    expect(days[0]!.starts).toEqual([
      '2026-11-24T09:00:00+08:00',
      '2026-11-24T09:30:00+08:00',
      '2026-11-24T16:00:00+08:00',
    ]);
  });

  it('puts a slot that starts late in the UTC day on its Shanghai day', () => {
    const days = startsByDay([slot('2026-11-23T23:00:00Z', '2026-11-24T01:00:00Z')], 60);
    expect(days.map((d) => d.date)).toEqual(['2026-11-24']);
  });
});

describe('open times (nobody named)', () => {
  const now = Date.parse('2026-11-23T10:10:00+08:00');

  it('allows from 24 h ahead to 90 days out', () => {
    expect(withinWindow('2026-11-24T10:00:00+08:00', now)).toBe(false);
    expect(withinWindow('2026-11-24T10:30:00+08:00', now)).toBe(true);
    expect(withinWindow('2027-02-21T10:00:00+08:00', now)).toBe(true);
    expect(withinWindow('2027-02-21T10:30:00+08:00', now)).toBe(false);
  });

  it('lists the bookable days and half hours, marking the too-early ones', () => {
    const dates = bookableDates(now);
    expect(dates[0]).toBe('2026-11-24');
    expect(dates[dates.length - 1]).toBe('2027-02-21');
    expect(bookableDates(now, 3)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    const choices = dayClockChoices('2026-11-24', now);
    expect(choices[0]).toEqual({ clock: '08:00', start: '2026-11-24T08:00:00+08:00', ok: false });
    expect(choices.find((c) => c.ok)?.clock).toBe('10:30');
    expect(choices[choices.length - 1]!.clock).toBe('20:00');
  });
});
