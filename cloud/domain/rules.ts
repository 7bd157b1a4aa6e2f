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

/**
 * The actual start and end a volunteer files with the service record (SPEC "Service record").
 * Pure numbers, imported by the record form too, so the form's checks and the server's agree.
 */
export const RECORD_RULES = {
  /** The actual start may be this early before the booked start (check-in opens then too). */
  earliestBeforeStartMinutes: 120,
  /** The actual end may be this late after the booked end (a session that ran on, filed that day). */
  latestAfterEndMinutes: 12 * 60,
  /** Credited service time never exceeds the booked duration. */
  capAtBookedDuration: true,
} as const;
