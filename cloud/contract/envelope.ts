import type { ApiErrorBody } from './errors';

/** Every answer of every function: `{ok:true,data}` or `{ok:false,error}`. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

/** What every list answers (SPEC.md: items, total, page, pageSize). */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The request body of `POST /api/<function>` and of CloudBase `callFunction({data})`. */
export interface CallBody {
  action: string;
  data?: unknown;
}
