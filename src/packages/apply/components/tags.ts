import { LIMITS } from '@/components/form/limits';

/** Separators a user may type or paste between tags: commas, 顿号, semicolons, spaces. */
const SEPARATORS = /[,，、;；\s]+/;

export interface TagLimits {
  /** Most tags in the list (the server allows 20). */
  max: number;
  /** Most characters per tag (the server allows 30). */
  maxLen: number;
}

export const DEFAULT_LIMITS: TagLimits = { max: LIMITS.apply.tags, maxLen: LIMITS.apply.tag };

const key = (t: string) => t.toLowerCase();

/**
 * Adds what was typed to the list: split at separators, trimmed, duplicates (ignoring case, also
 * within the text) dropped, too-long items and items over the limit refused. `note` says why
 * something was not added, or is null.
 */
export function addTags(list: string[], text: string, limits: TagLimits = DEFAULT_LIMITS): { tags: string[]; note: string | null } {
  const tags = [...list];
  const seen = new Set(list.map(key));
  let note: string | null = null;
  for (const raw of text.split(SEPARATORS)) {
    const t = raw.trim();
    if (!t) continue;
    if (Array.from(t).length > limits.maxLen) {
      note = `每项最多 ${limits.maxLen} 字`;
      continue;
    }
    if (seen.has(key(t))) {
      note ??= `“${t}”已添加`;
      continue;
    }
    if (tags.length >= limits.max) {
      note = `最多 ${limits.max} 项`;
      break;
    }
    tags.push(t);
    seen.add(key(t));
  }
  return { tags, note };
}

export function removeTag(list: string[], tag: string): string[] {
  return list.filter((t) => t !== tag);
}
