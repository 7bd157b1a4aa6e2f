/** Labels only the task subpackage needs (kept out of the main package). */
export const OUTCOME_LABEL = { resolved: '已解决', partly: '部分解决', unresolved: '未解决' } as const;
export type Outcome = keyof typeof OUTCOME_LABEL;
