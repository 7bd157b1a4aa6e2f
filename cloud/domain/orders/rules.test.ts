import { describe, expect, it } from '@jest/globals';
import { AppError } from '../../contract';
import { checkNoticeAndHorizon, checkWithinAvailability } from './rules';

const now = new Date('2026-11-22T10:00:00+08:00');
const fieldOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return Object.keys((e as AppError).fields ?? {})[0];
  }
};

describe('notice and horizon', () => {
  it('needs 24 h notice', () => {
    expect(fieldOf(() => checkNoticeAndHorizon(new Date('2026-11-23T09:59:00+08:00'), now))).toBe('start');
    expect(fieldOf(() => checkNoticeAndHorizon(new Date('2026-11-23T10:00:00+08:00'), now))).toBeNull();
  });
  it('stops at 90 days', () => {
    expect(fieldOf(() => checkNoticeAndHorizon(new Date('2027-02-20T10:00:00+08:00'), now))).toBeNull();
    expect(fieldOf(() => checkNoticeAndHorizon(new Date('2027-02-20T10:01:00+08:00'), now))).toBe('start');
  });
});

describe('availability', () => {
  // Monday 09:00–12:00
  const windows = [{ weekday: 1, start_minute: 540, end_minute: 720 }];
  const monday = (hhmm: string) => new Date(`2026-11-30T${hhmm}:00+08:00`);

  it('accepts a booking inside a window', () => {
    expect(fieldOf(() => checkWithinAvailability(monday('09:00'), 180, windows, new Set()))).toBeNull();
    expect(fieldOf(() => checkWithinAvailability(monday('10:30'), 90, windows, new Set()))).toBeNull();
  });
  it('refuses one that runs past the window or starts before it', () => {
    expect(fieldOf(() => checkWithinAvailability(monday('11:00'), 90, windows, new Set()))).toBe('start');
    expect(fieldOf(() => checkWithinAvailability(monday('08:30'), 60, windows, new Set()))).toBe('start');
  });
  it('refuses another weekday and a blocked day', () => {
    expect(fieldOf(() => checkWithinAvailability(new Date('2026-12-01T09:00:00+08:00'), 60, windows, new Set()))).toBe('start');
    expect(fieldOf(() => checkWithinAvailability(monday('09:00'), 60, windows, new Set(['2026-11-30'])))).toBe('start');
  });
});
