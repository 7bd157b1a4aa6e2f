import { describe, expect, it } from '@jest/globals';
import { mapServerErrors, newWindow, serialise, toDrafts, validateWeekly, type WindowDraft } from './weekly';

const w = (key: string, weekday: number, start: string, end: string): WindowDraft => ({ key, weekday, start, end });

describe('weekly window validation', () => {
  it('accepts separate and touching windows', () => {
    expect(validateWeekly([w('a', 1, '09:00', '12:00'), w('b', 1, '12:00', '14:00'), w('c', 2, '09:00', '12:00')])).toEqual({});
  });

  it('wants the end after the start', () => {
    expect(validateWeekly([w('a', 1, '12:00', '09:00'), w('b', 2, '10:00', '10:00')])).toEqual({
      a: '结束时间应晚于开始时间',
      b: '结束时间应晚于开始时间',
    });
  });

  it('rejects overlapping windows on one weekday, naming the other window', () => {
    const errors = validateWeekly([w('late', 3, '11:00', '15:00'), w('early', 3, '09:00', '12:00'), w('other', 4, '11:00', '15:00')]);
    expect(errors).toEqual({ late: '与 09:00–12:00 重叠' });
  });

  it('catches a window inside another', () => {
    expect(validateWeekly([w('a', 5, '08:00', '18:00'), w('b', 5, '10:00', '11:00')])).toEqual({ b: '与 08:00–18:00 重叠' });
  });

  it('allows an end of 24:00', () => {
    expect(validateWeekly([w('a', 6, '20:00', '24:00')])).toEqual({});
  });
});

describe('serialisation to task.setAvailability', () => {
  it('sends windows by weekday and start, and blocked days sorted without repeats', () => {
    const drafts = [w('x', 3, '14:00', '17:00'), w('y', 1, '09:00', '12:00'), w('z', 3, '09:00', '11:30')];
    const out = serialise(drafts, ['2025-12-03', '2025-12-01', '2025-12-03']);
    expect(out.input).toEqual({
      weekly: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 3, start: '09:00', end: '11:30' },
        { weekday: 3, start: '14:00', end: '17:00' },
      ],
      blocked: ['2025-12-01', '2025-12-03'],
    });
    expect(out.keys).toEqual(['y', 'z', 'x']);
    // No editor-only fields go to the server.
    expect(Object.keys(out.input.weekly[0]!)).toEqual(['weekday', 'start', 'end']);
  });

  it('maps the server field errors back onto the rows that were sent', () => {
    const sent = serialise([w('x', 3, '14:00', '17:00'), w('y', 1, '09:00', '12:00')], ['2025-12-01']);
    const mapped = mapServerErrors({ 'weekly.1.start': '时间格式应为 HH:mm', 'blocked.0': '日期格式应为 YYYY-MM-DD', weekly: '时段过多' }, sent);
    expect(mapped).toEqual({ windows: { x: '时间格式应为 HH:mm' }, blocked: { '2025-12-01': '日期格式应为 YYYY-MM-DD' }, other: ['时段过多'] });
  });

  it('round-trips what the server answered', () => {
    const weekly = [
      { weekday: 2, start: '09:00', end: '12:00' },
      { weekday: 2, start: '14:00', end: '17:00' },
    ];
    expect(serialise(toDrafts(weekly), []).input.weekly).toEqual(weekly);
  });

  it('offers a new window after the day’s last one', () => {
    const drafts = [w('a', 2, '09:00', '12:00')];
    expect(newWindow(drafts, 2)).toMatchObject({ weekday: 2, start: '13:00', end: '15:00' });
    expect(newWindow(drafts, 4)).toMatchObject({ weekday: 4, start: '09:00', end: '12:00' });
  });
});
