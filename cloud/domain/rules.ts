/**
 * Booking rules users rely on (SPEC "Rules"). One place, so the menu's free slots and the order
 * checks agree.
 */
export const BOOKING_RULES = {
  /** An order must be placed at least this long before it starts. */
  minNoticeHours: 24,
  /** And no further ahead than this. */
  horizonDays: 90,
} as const;
