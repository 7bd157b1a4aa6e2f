import { sql, type Compilable, type Kysely, type RawBuilder } from 'kysely';

/**
 * A condition written with the query builder, compiled once per database handle and then reused
 * as SQL text with fresh values. Why: building and compiling a select with joins on every call
 * was a tenth of a lost grab's time (issue 14), for text that never changes.
 *
 * `build` gets one placeholder per value (in `values` order) and must use each as a plain value;
 * the compiled text's other parameters are constants of the builder and stay as they were. The
 * text must hold no `$n` but its placeholders (no such string literal).
 */
export function fragmentOnce<T, A extends unknown[]>(build: (db: Kysely<any>, ...slots: A) => Compilable<unknown>, wrap: (inner: RawBuilder<unknown>) => RawBuilder<T>) {
  const compiled = new WeakMap<Kysely<any>, { strings: TemplateStringsArray; sources: (number | { constant: unknown })[] }>();
  return (db: Kysely<any>, ...values: A): RawBuilder<T> => {
    let c = compiled.get(db);
    if (!c) {
      const slots = values.map((_, i) => `\u0000slot${i}\u0000`) as A;
      const q = build(db, ...slots).compile();
      const sources = q.parameters.map((p) => {
        const at = (slots as unknown[]).indexOf(p);
        return at >= 0 ? at : { constant: p };
      });
      // The text between the $n placeholders, as a template: each value becomes the outer
      // statement's own parameter, numbered there.
      const parts = q.sql.split(/\$\d+/);
      const order = [...q.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]) - 1);
      const strings = Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
      c = { strings, sources: order.map((i) => sources[i]) };
      compiled.set(db, c);
    }
    const args = c.sources.map((s) => (typeof s === 'number' ? values[s] : s.constant));
    return wrap(sql(c.strings, ...args));
  };
}
