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

/**
 * Points for a completed service (shown in 我的 with this explanation). Pure numbers, imported by
 * the client to explain them, so what it says and what the server credits agree.
 */
export const POINTS_RULES = {
  /** Every completed service. */
  perService: 10,
  /** Plus this many for every whole block of credited service time… */
  perBlock: 1,
  /** …of this many minutes. */
  blockMinutes: 30,
} as const;

/** Points for a completed order with `creditedMin` minutes of credited service. */
export const pointsFor = (creditedMin: number) =>
  POINTS_RULES.perService + POINTS_RULES.perBlock * Math.floor(creditedMin / POINTS_RULES.blockMinutes);

/** "每完成一次服务得 10 分，服务时长每满 30 分钟再加 1 分" — the rule in words, from the numbers. */
export const POINTS_EXPLANATION = `每完成一次服务得 ${POINTS_RULES.perService} 分，认定的服务时长每满 ${POINTS_RULES.blockMinutes} 分钟再加 ${POINTS_RULES.perBlock} 分；时长以服务记录的实际起止时间为准，不超过预约时长。`;
