import { sql, type Expression, type SqlBool } from 'kysely';

/** Escapes LIKE wildcards so a user's "%" or "_" is matched literally. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Splits a search box entry into terms (space, full-width space or Chinese comma separated). */
export const searchTerms = (q?: string) => (q ?? '').split(/[\s\u3000,，、]+/).filter(Boolean).slice(0, 5);

/**
 * Chinese text search without a tokenizer: every term must appear (ILIKE) in one of the given
 * haystack expressions. Substring matching suits short Chinese titles and names well.
 */
export function matchesAllTerms(terms: string[], haystacks: Expression<unknown>[]): Expression<SqlBool> {
  const perTerm = terms.map((t) => {
    const pat = likePattern(t);
    return sql<SqlBool>`(${sql.join(haystacks.map((h) => sql`${h} ILIKE ${pat}`), sql` OR `)})`;
  });
  return sql<SqlBool>`(${sql.join(perTerm, sql` AND `)})`;
}

export interface PageQuery {
  limit: number;
  offset: number;
}

/**
 * Runs a paged query that selects `count(*) over () as total`: one round trip gives the page and
 * the total. A page past the end has no row to carry the total, so then it asks once more.
 */
export async function pageWithTotal<R extends { total: string }>(
  run: (limit: number, offset: number) => Promise<R[]>,
  page: PageQuery,
): Promise<{ rows: R[]; total: number }> {
  const rows = await run(page.limit, page.offset);
  if (rows.length || page.offset === 0) return { rows, total: rows.length ? Number(rows[0].total) : 0 };
  const first = await run(1, 0);
  return { rows, total: first.length ? Number(first[0].total) : 0 };
}
