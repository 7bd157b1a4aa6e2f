import type { FieldErrors } from '../contract';
import { hasLoneSurrogate } from '../contract';

/** Deeper than any input of ours: `venue.type` is as deep as the contract goes. */
const MAX_DEPTH = 8;
/** No input of ours has more values than this (availability: 7 days × a few windows + 200 days). */
const MAX_VALUES = 2_000;

/**
 * A check of the raw input before any schema sees it, for what no database takes whatever the
 * field: a NUL byte or a lone surrogate in any string (a key or a value), nesting deeper than the
 * contract, or a flood of values. The field schemas then check each field's own rules; this makes
 * the guarantee hold even for a field whose schema forgot.
 */
export function unstorableInput(data: unknown): FieldErrors | null {
  let values = 0;
  // Iterative, so a deeply nested body cannot overflow the stack here.
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: data, path: '', depth: 0 }];
  while (stack.length) {
    const { value, path, depth } = stack.pop()!;
    const name = path || 'data';
    if (++values > MAX_VALUES) return { data: '提交的内容过多' };
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { [name]: '不能包含空字符' };
      if (hasLoneSurrogate(value)) return { [name]: '包含无法识别的字符' };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) return { [name]: '嵌套层级过深' };
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, child] of entries) {
      if (key.includes('\u0000') || hasLoneSurrogate(key)) return { [name]: '字段名包含无法识别的字符' };
      stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return null;
}
