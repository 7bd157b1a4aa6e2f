import type { FieldErrors } from '@cloud/contract';
import { ApiError, errorMessage } from '@/services/api';

/** The message for a field: its own key, or the first of its items (`volunteerIds.2` → volunteerIds). */
export function fieldError(errors: FieldErrors, name: string): string | undefined {
  if (errors[name]) return errors[name];
  return Object.entries(errors).find(([k]) => k.startsWith(`${name}.`))?.[1];
}

/** The errors without a field (and its items), once the user edits it. */
export function withoutField(errors: FieldErrors, name: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) if (k !== name && !k.startsWith(`${name}.`)) out[k] = v;
  return out;
}

/** What a failed save shows: the server's per-field messages and one line for the banner. */
export function saveFailure(err: unknown): { fields: FieldErrors; message: string } {
  const fields = err instanceof ApiError && err.fields ? err.fields : {};
  return { fields, message: errorMessage(err) };
}
