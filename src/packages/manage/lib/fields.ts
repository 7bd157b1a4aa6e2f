import type { FieldErrors } from '@cloud/contract';
import { ApiError, errorMessage } from '@/services/api';

/** What a failed save shows: the server's per-field messages and one line for the banner. */
export function saveFailure(err: unknown): { fields: FieldErrors; message: string } {
  const fields = err instanceof ApiError && err.fields ? err.fields : {};
  return { fields, message: errorMessage(err) };
}
