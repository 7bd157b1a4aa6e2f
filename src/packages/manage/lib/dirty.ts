/**
 * Lists that must re-read when the user comes back to them after an editor saved. Editors mark the
 * list; the list's useDidShow reloads once and clears the mark (no reload on every show).
 */
const marks = new Set<string>();

export type ListName = 'topics' | 'services' | 'teams' | 'applications';

export function markDirty(list: ListName): void {
  marks.add(list);
}

/** True once after markDirty. */
export function takeDirty(list: ListName): boolean {
  return marks.delete(list);
}
