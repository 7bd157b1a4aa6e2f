/**
 * How long each text of a form may be: the client's one source for `maxlength`, the counters and
 * the local messages. The numbers are the server's (the zod schemas in cloud/contract, which the
 * mini-program does not import: they bring zod along); `limits.test.ts` checks that every one of
 * them is what the contract accepts, so a change on either side fails there.
 */
export const LIMITS = {
  /** order.create (booking and need), order.cancel / dispute / rate. */
  order: {
    title: 60,
    field: 20,
    description: 2000,
    region: 20,
    note: 500,
    address: 200,
    link: 500,
    phone: 20,
    photos: 9,
    cancelReason: 200,
    disputeReason: 500,
    comment: 500,
    reopenNote: 500,
  },
  /** task.complete's record. */
  record: { summary: 2000, followUp: 1000, photos: 9 },
  /** task.decline and task.handBack. */
  decline: { reason: 200 },
  /** admin.saveTopic. */
  topic: { title: 60, summary: 1000, audience: 60 },
  /** admin.saveService. */
  service: { title: 60, summary: 1000, field: 20 },
  /** admin.saveTeam. */
  team: { name: 40, region: 20, intro: 1000 },
  /** task.apply (申报); tags are honours, skills and regions. */
  apply: { title: 30, bio: 1000, tag: 30, tags: 20 },
  /** admin.review (驳回理由). */
  review: { reason: 200 },
} as const;

/** The message for a text over its limit, the server's words. */
export const tooLong = (what: string, max: number) => `${what}最多 ${max} 字`;
