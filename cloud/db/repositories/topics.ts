import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema';
import { matchesAllTerms, pageWithTotal, searchTerms, type PageQuery } from './search';

export interface TopicFilter extends PageQuery {
  category?: string;
  q?: string;
  volunteerId?: string;
}

function baseQuery(db: Kysely<DB>, includeInactive = false) {
  return db
    .selectFrom('topics as t')
    .innerJoin('categories as c', 'c.id', 't.category_id')
    .where((eb) => (includeInactive ? eb.lit(true) : eb('t.active', '=', true)))
    .select([
      't.id', 't.title', 't.summary', 't.category_id', 'c.name as category_name', 't.durations',
      't.audience', 't.venue_types', 't.org_id',
      sql<string[]>`ARRAY(SELECT tv.volunteer_id::text FROM topic_volunteers tv
        JOIN volunteers v ON v.id = tv.volunteer_id AND v.status = 'approved'
        WHERE tv.topic_id = t.id ORDER BY tv.volunteer_id)`.as('volunteer_ids'),
    ]);
}

/** One page of topics and the total, in one round trip (count(*) over ()). */
export async function listTopics(db: Kysely<DB>, f: TopicFilter) {
  const terms = searchTerms(f.q);
  let q = baseQuery(db).select(sql<string>`count(*) over ()`.as('total'));
  if (f.category) q = q.where('t.category_id', '=', f.category);
  if (f.volunteerId) {
    const vid = f.volunteerId;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('topic_volunteers as tv').whereRef('tv.topic_id', '=', 't.id').where('tv.volunteer_id', '=', vid)),
    );
  }
  if (terms.length) {
    const speakerNames = sql`(SELECT string_agg(u.name, ' ') FROM topic_volunteers tv
      JOIN volunteers v ON v.id = tv.volunteer_id JOIN users u ON u.id = v.user_id WHERE tv.topic_id = t.id)`;
    q = q.where(matchesAllTerms(terms, [sql.ref('t.title'), sql.ref('t.summary'), sql.ref('c.name'), speakerNames]));
  }
  return pageWithTotal((limit, offset) => q.orderBy('c.sort').orderBy('t.id').limit(limit).offset(offset).execute(), f);
}

/** A topic on the menu; `includeInactive` also finds one the admin has taken off it. */
export async function getTopic(db: Kysely<DB>, id: string, includeInactive = false) {
  return baseQuery(db, includeInactive).where('t.id', '=', id).executeTakeFirst();
}

export async function listCategoriesWithCounts(db: Kysely<DB>) {
  return db
    .selectFrom('categories as c')
    .leftJoin('topics as t', (j) => j.onRef('t.category_id', '=', 'c.id').on('t.active', '=', true))
    .select(['c.id', 'c.name', sql<string>`count(t.id)`.as('topic_count')])
    .groupBy(['c.id', 'c.name', 'c.sort'])
    .orderBy('c.sort')
    .execute();
}
