import type { FieldErrors } from '@cloud/contract';

// The manage subpackage has the same two helpers; a module shared by two subpackages would be
// moved into the main package on weapp, so each keeps its own copy.

/** The message for a field: its own key, or the first of its items (`skills.1` → skills). */
export function fieldError(errors: FieldErrors, name: string): string | undefined {
  if (errors[name]) return errors[name];
  return Object.entries(errors).find(([k]) => k.startsWith(`${name}.`))?.[1];
}

export function withoutField(errors: FieldErrors, name: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) if (k !== name && !k.startsWith(`${name}.`)) out[k] = v;
  return out;
}
