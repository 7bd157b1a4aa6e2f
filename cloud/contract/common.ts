import { z } from 'zod';

/** The ids we issue: decimal strings of a bigint. */
const ISSUED_ID = /^[1-9][0-9]{0,17}$/;
/** An id we never issue (bigint ids start at 1): it matches no row, so the lookup says NOT_FOUND. */
export const NO_SUCH_ID = '0';

/**
 * Ids are strings (SPEC). An unknown id, whatever its shape, is NOT_FOUND — not VALIDATION — so a
 * string that is not one of ours becomes an id that finds nothing, instead of reaching SQL as a
 * value a bigint column would refuse.
 */
export const idSchema = z
  .string({ error: '必须是字符串编号' })
  .max(200, '编号过长')
  .transform((s) => (ISSUED_ID.test(s) ? s : NO_SUCH_ID));

/** C0 controls and DEL: no database keeps a NUL, and none of these belongs in a form field. */
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
/** The same, but tab and line breaks are fine where several lines of text are meant. */
const CONTROL_CHARS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Half of a surrogate pair: not a character, and not valid UTF-8 once encoded. */
export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = s.charCodeAt(i + 1);
    if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return true;
    i++;
  }
  return false;
}

/**
 * The one schema of every free-text field: a string without control characters (tab and line
 * breaks only in `multiline` text) or lone surrogates. Callers chain `.trim().min().max()` with
 * their own messages, so the limits stay beside the field they belong to.
 */
export function textSchema(opts: { multiline?: boolean; error?: string } = {}) {
  const controls = opts.multiline ? CONTROL_CHARS_BUT_LINES : CONTROL_CHARS;
  return z
    .string({ error: opts.error ?? '必须是文字' })
    .refine((s) => !controls.test(s), opts.multiline ? '不能包含控制字符' : '不能包含换行或控制字符')
    .refine((s) => !hasLoneSurrogate(s), '包含无法识别的字符');
}

/** One line of text (names, titles, addresses, tags). */
export const lineText = (error?: string) => textSchema({ error });
/** Several lines of text (descriptions, notes, reasons, summaries). */
export const multilineText = (error?: string) => textSchema({ multiline: true, error });

export const pagingShape = {
  page: z.number({ error: '页码必须是数字' }).int('页码必须是整数').min(1, '页码从 1 开始').optional(),
  pageSize: z
    .number({ error: '每页条数必须是数字' })
    .int('每页条数必须是整数')
    .min(1, '每页至少 1 条')
    .max(100, '每页最多 100 条')
    .optional(),
};

export const DEFAULT_PAGE_SIZE = 20;

/** The range of times that may reach SQL: a year 0000 or 9999 is a typo or a probe, never a booking. */
export const EARLIEST_TIME = Date.UTC(2000, 0, 1);
export const LATEST_TIME = Date.UTC(2100, 0, 1);

/** ISO-8601 with an explicit offset, e.g. 2026-11-23T09:00:00+08:00, between 2000 and 2100. */
export const isoDateTime = z.iso
  .datetime({ offset: true, error: '时间格式应为 ISO-8601 且带时区' })
  .refine((s) => {
    const t = Date.parse(s);
    return t >= EARLIEST_TIME && t < LATEST_TIME;
  }, '时间应在 2000 年至 2100 年之间');

/** Free text search: trimmed, at most 50 characters; empty means no filter. */
export const searchText = lineText('搜索词必须是文字').trim().max(50, '搜索词最多 50 字').optional();
