import { describe, expect, it } from '@jest/globals';
import { render } from '@testing-library/react';
import { OpenTimePicker } from './OpenTimePicker';
import { SlotPicker } from './SlotPicker';

const NOW = Date.parse('2026-12-01T09:00:00+08:00');

/** The row scrolls to the element its scrollIntoView names: that must be the chosen day. */
function scrolledTo(c: HTMLElement): string | null {
  const row = c.querySelector('.slot-picker__days')!;
  const id = row.getAttribute('data-active');
  return id ? row.querySelector(`[id="${id}"]`)?.getAttribute('data-date') ?? null : null;
}

describe('a restored draft’s chosen day is scrolled into view (finding 9)', () => {
  it('OpenTimePicker: a date beyond the quick chips, and one among them', () => {
    const far = render(<OpenTimePicker value="2027-01-20T10:00:00+08:00" onChange={() => undefined} now={NOW} />);
    expect(far.container.querySelector('.slot-day--on')!.getAttribute('data-date')).toBe('2027-01-20');
    expect(scrolledTo(far.container)).toBe('2027-01-20');
    far.unmount();
    const near = render(<OpenTimePicker value="2026-12-12T10:00:00+08:00" onChange={() => undefined} now={NOW} />);
    expect(scrolledTo(near.container)).toBe('2026-12-12');
  });

  it('SlotPicker: the value’s day among the volunteer’s free days', () => {
    const slots = ['03', '05', '09', '14', '20', '27'].map((d) => ({ start: `2026-12-${d}T09:00:00+08:00`, end: `2026-12-${d}T12:00:00+08:00` }));
    const { container: c } = render(
      <SlotPicker slots={slots} durationMin={60} value="2026-12-20T10:00:00+08:00" onChange={() => undefined} loading={false} error={null} onRetry={() => undefined} rangeLabel="近 30 天" />,
    );
    expect(c.querySelector('.slot-day--on')!.getAttribute('data-date')).toBe('2026-12-20');
    expect(scrolledTo(c)).toBe('2026-12-20');
  });
});
