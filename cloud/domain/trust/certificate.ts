import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { AppError, forbidden, invalid, type CertificateFigures, type CertificateFile, type CertificateMonth } from '../../contract';
import type { DB } from '../../db/schema';
import type { FullActor } from '../orders/transition';
import { dayjs, toIso, ZONE } from '../time';
import { renderCertificatePdf } from './certificate-pdf';

/** Certificates cover at most this many days; the period is whole Shanghai days, `to` included. */
export const CERTIFICATE_RULES = { maxDays: 3 * 366 } as const;

/** Verification codes: 12 characters without I and O (read aloud or typed from paper). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const newCode = () => Array.from(crypto.randomBytes(12), (b) => ALPHABET[b % ALPHABET.length]).join('');
/** Shown and printed as XXXX-XXXX-XXXX; typed with or without the dashes, any case. */
export const formatCode = (code: string) => code.replace(/(.{4})(?=.)/g, '$1-');
export const normalizeCode = (typed: string) => typed.replace(/[\s-]/g, '').toUpperCase();

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/**
 * The figures of one volunteer over whole Shanghai days [from, to]: only orders they completed
 * (completed or rated, with a service record), by the month of the service. Hours are the credited
 * minutes the record earned (domain/orders/record-times.ts), nothing typed elsewhere.
 */
export async function certificateFigures(db: Kysely<DB>, volunteerId: string, from: string, to: string): Promise<Omit<CertificateFigures, 'code' | 'name' | 'org' | 'team' | 'issuer' | 'issuedAt'>> {
  const start = dayjs.tz(from, ZONE).startOf('day').toDate();
  const end = dayjs.tz(to, ZONE).add(1, 'day').startOf('day').toDate();
  const rows = await db
    .selectFrom('orders')
    .select([
      sql<string>`to_char(lower(during) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`.as('month'),
      sql<string>`count(*) FILTER (WHERE kind = 'lecture')`.as('lectures'),
      sql<string>`count(*) FILTER (WHERE kind <> 'lecture')`.as('services'),
      sql<string>`coalesce(sum((record->>'peopleServed')::bigint), 0)`.as('people'),
      sql<string>`coalesce(sum(credited_minutes), 0)`.as('minutes'),
    ])
    .where('volunteer_id', '=', volunteerId)
    .where('status', 'in', ['completed', 'rated'])
    .where('record', 'is not', null)
    .where(sql<boolean>`lower(during) >= ${start.toISOString()}::timestamptz AND lower(during) < ${end.toISOString()}::timestamptz`)
    .groupBy(sql`1`)
    .orderBy(sql`1`)
    .execute();
  const byMonth: CertificateMonth[] = rows.map((r) => ({
    month: r.month, lectures: Number(r.lectures), services: Number(r.services), peopleServed: Number(r.people), hours: hours(Number(r.minutes)),
  }));
  const minutes = rows.reduce((n, r) => n + Number(r.minutes), 0);
  return {
    from, to,
    lectures: byMonth.reduce((n, m) => n + m.lectures, 0),
    services: byMonth.reduce((n, m) => n + m.services, 0),
    peopleServed: byMonth.reduce((n, m) => n + m.peopleServed, 0),
    hours: hours(minutes),
    byMonth,
  };
}

/**
 * `task.certificate`: 志愿服务时长证明 for a period. The figures are kept under a fresh code, so
 * `catalog.verifyCertificate` answers what was printed even after later changes; the PDF carries
 * the code and a QR to the public page.
 */
export async function issueCertificate(db: Kysely<DB>, now: Date, actor: FullActor, input: { from: string; to: string }, baseUrl: string): Promise<CertificateFile> {
  if (!actor.volunteerId) throw forbidden('只有志愿者（劳模工匠）可以开具志愿服务时长证明');
  const from = dayjs.tz(input.from, ZONE);
  const to = dayjs.tz(input.to, ZONE);
  if (!from.isValid() || from.format('YYYY-MM-DD') !== input.from) throw invalid('from', '开始日期不正确');
  if (!to.isValid() || to.format('YYYY-MM-DD') !== input.to) throw invalid('to', '结束日期不正确');
  if (to.isBefore(from)) throw invalid('to', '结束日期不能早于开始日期');
  if (to.diff(from, 'day') > CERTIFICATE_RULES.maxDays) throw invalid('to', '证明期间最多 3 年');
  if (from.isAfter(dayjs(now).tz(ZONE), 'day')) throw invalid('from', '开始日期不能晚于今天');

  const who = await db
    .selectFrom('volunteers as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .innerJoin('orgs as o', 'o.id', 'v.org_id')
    .leftJoin('teams as t', 't.id', 'v.team_id')
    .select(['u.name as name', 'o.name as org', 't.name as team'])
    .where('v.id', '=', actor.volunteerId)
    .executeTakeFirstOrThrow();
  const figures: CertificateFigures = {
    code: newCode(),
    name: who.name,
    org: who.org,
    team: who.team,
    issuer: who.org,
    issuedAt: toIso(now),
    ...(await certificateFigures(db, actor.volunteerId, input.from, input.to)),
  };
  await db
    .insertInto('certificates')
    .values({ code: figures.code, volunteer_id: actor.volunteerId, from_day: input.from, to_day: input.to, figures: JSON.stringify(figures), issued_at: now })
    .execute();
  const verifyUrl = `${baseUrl.replace(/\/+$/, '')}/verify/${figures.code}`;
  const pdf = await renderCertificatePdf(figures, { verifyUrl, code: formatCode(figures.code) });
  return {
    filename: `志愿服务时长证明-${who.name}-${input.from}至${input.to}.pdf`,
    mime: 'application/pdf',
    base64: pdf.toString('base64'),
    bytes: pdf.length,
    verifyUrl,
    figures,
  };
}

/** `catalog.verifyCertificate` (public): the figures as issued, and nothing else of the person. */
export async function verifyCertificate(db: Kysely<DB>, typed: string): Promise<CertificateFigures> {
  const code = normalizeCode(typed);
  const row = /^[0-9A-HJ-NP-Z]{12}$/.test(code)
    ? await db.selectFrom('certificates').select('figures').where('code', '=', code).executeTakeFirst()
    : undefined;
  if (!row) throw new AppError('NOT_FOUND', '未找到该证明，请核对证明编号', { code: '证明编号不存在' });
  return row.figures as CertificateFigures;
}
