import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { invalid, type ExportFile, type OrderStatus, type Stats } from '../../contract';
import { orderQuery, type OrderRow } from '../../db/repositories/orders';
import { orgSubtree } from '../../db/repositories/scope';
import type { DB } from '../../db/schema';
import type { FullActor } from '../orders/transition';
import { STATUS_WORDS } from '../../contract/status-words';
import { dayjs, ZONE } from '../time';
import { checkInScope, requireAdmin } from './scope';
import { stats as computeStats } from './stats';

/** An export holds at most this many orders; a larger period must be exported in parts. */
export const MAX_EXPORT_ROWS = 50_000;

const KIND_NAMES: Record<string, string> = { lecture: '宣讲', service: '技术服务', need: '求助' };
const local = (d: Date | null) => (d ? dayjs(d).tz(ZONE).format('YYYY-MM-DD HH:mm') : '');

const ORDER_COLUMNS: { header: string; key: string; width: number; value: (o: OrderRow) => string | number }[] = [
  { header: '订单编号', key: 'id', width: 10, value: (o) => o.id },
  { header: '类型', key: 'kind', width: 8, value: (o) => KIND_NAMES[o.kind] },
  { header: '状态', key: 'status', width: 8, value: (o) => STATUS_WORDS.export[o.status as OrderStatus] },
  { header: '主题/服务/需求', key: 'title', width: 30, value: (o) => o.topic_title ?? o.service_title ?? o.title ?? '' },
  { header: '开始时间', key: 'start', width: 17, value: (o) => local(o.start_at) },
  { header: '时长(分钟)', key: 'duration', width: 10, value: (o) => o.duration_min },
  { header: '下单人', key: 'requester', width: 10, value: (o) => o.requester_name },
  { header: '单位', key: 'company', width: 24, value: (o) => o.requester_company ?? '' },
  { header: '志愿者', key: 'volunteer', width: 10, value: (o) => o.volunteer_name ?? '' },
  { header: '服务队', key: 'team', width: 24, value: (o) => o.team_name ?? '' },
  { header: '服务人数', key: 'people', width: 9, value: (o) => (o.record as { peopleServed?: number } | null)?.peopleServed ?? '' },
  { header: '服务时长(小时)', key: 'hours', width: 12, value: (o) => (o.credited_minutes ? Math.round((o.credited_minutes / 60) * 10) / 10 : '') },
  { header: '评分', key: 'rating', width: 6, value: (o) => o.rating ?? '' },
  { header: '下单时间', key: 'created', width: 17, value: (o) => local(o.created_at) },
  { header: '完成时间', key: 'completed', width: 17, value: (o) => local(o.completed_at) },
];

function statsSheets(book: ExcelJS.Workbook, s: Stats) {
  const summary = book.addWorksheet('汇总');
  summary.columns = [{ header: '指标', key: 'k', width: 18 }, { header: '数值', key: 'v', width: 14 }];
  const rows: [string, string | number][] = [
    ['宣讲场次', s.lectures], ['技术服务次数', s.services], ['服务职工人次', s.peopleServed], ['服务企业数', s.enterprisesServed],
    ['收集问题', s.needsCollected], ['已解决问题', s.needsResolved], ['志愿服务时长(小时)', s.volunteerHours],
    ['平均评分', s.avgRating ?? ''], ['响应时间中位数(分钟)', s.medianResponseMinutes ?? ''], ['订单总数', s.ordersTotal],
  ];
  rows.forEach(([k, v]) => summary.addRow({ k, v }));
  const breakdown = (name: string, list: Stats['byMonth']) => {
    const ws = book.addWorksheet(name);
    ws.columns = [
      { header: name.replace('按', ''), key: 'label', width: 26 }, { header: '宣讲场次', key: 'lectures', width: 10 },
      { header: '技术服务', key: 'services', width: 10 }, { header: '收集问题', key: 'needsCollected', width: 10 },
      { header: '已解决', key: 'needsResolved', width: 10 }, { header: '服务人次', key: 'peopleServed', width: 10 },
      { header: '服务时长(小时)', key: 'volunteerHours', width: 14 },
    ];
    list.forEach((r) => ws.addRow(r));
  };
  breakdown('按月份', s.byMonth);
  breakdown('按组织', s.byOrg);
  breakdown('按服务队', s.byTeam);
  breakdown('按类别', s.byCategory);
}

/** Orders are read this many at a time, so an export never holds the whole period in memory. */
export const EXPORT_PAGE_ROWS = 1_000;

/** The orders of the period, page by page in start order (keyset: start, then id). */
async function* orderPages(db: Kysely<DB>, orgIds: string[], from: Date, to: Date): AsyncGenerator<OrderRow[]> {
  let after: { start: Date; id: string } | null = null;
  for (;;) {
    let q = orderQuery(db)
      .where('o.org_id', 'in', orgIds)
      .where(sql<boolean>`lower(o.during) >= ${from.toISOString()}::timestamptz AND lower(o.during) < ${to.toISOString()}::timestamptz`);
    if (after) q = q.where(sql<boolean>`(lower(o.during), o.id) > (${after.start.toISOString()}::timestamptz, ${after.id}::bigint)`);
    const page = (await q.orderBy(sql`lower(o.during)`).orderBy('o.id').limit(EXPORT_PAGE_ROWS).execute()) as OrderRow[];
    if (page.length) yield page;
    if (page.length < EXPORT_PAGE_ROWS) return;
    const last = page[page.length - 1];
    after = { start: last.start_at, id: last.id };
  }
}

/** A spreadsheet program runs a cell that starts like a formula: such text is written as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(v: string | number): string {
  let text = String(v);
  if (typeof v === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const orderValues = (o: OrderRow) => ORDER_COLUMNS.map((c) => c.value(o));

/** The orders as CSV: a BOM so that Excel on Windows opens the UTF-8 Chinese headers correctly. */
async function ordersCsv(pages: AsyncGenerator<OrderRow[]>): Promise<{ file: Buffer; rows: number }> {
  const chunks = [Buffer.from('\ufeff' + ORDER_COLUMNS.map((c) => csvCell(c.header)).join(',') + '\r\n')];
  let rows = 0;
  for await (const page of pages) {
    rows += page.length;
    if (rows > MAX_EXPORT_ROWS) throw tooMany();
    chunks.push(Buffer.from(page.map((o) => orderValues(o).map(csvCell).join(',') + '\r\n').join('')));
  }
  return { file: Buffer.concat(chunks), rows };
}

/** The orders as XLSX through ExcelJS's streaming writer: each row is committed as it comes. */
async function ordersXlsx(pages: AsyncGenerator<OrderRow[]>): Promise<{ file: Buffer; rows: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = '劳模工匠点单';
  const ws = book.addWorksheet('订单');
  ws.columns = ORDER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  let rows = 0;
  for await (const page of pages) {
    rows += page.length;
    if (rows > MAX_EXPORT_ROWS) throw tooMany();
    for (const o of page) ws.addRow(orderValues(o)).commit();
  }
  ws.commit();
  await book.commit();
  return { file: Buffer.concat(chunks), rows };
}

const tooMany = () => invalid('to', `导出超过 ${MAX_EXPORT_ROWS} 条，请缩小时间范围`);

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** CSV or XLSX of the orders or of the statistics, Chinese headers, built with ExcelJS. */
export async function exportFile(
  db: Kysely<DB>,
  actor: FullActor,
  input: { from: string; to: string; orgId?: string; format: 'csv' | 'xlsx'; what?: 'orders' | 'stats' },
): Promise<ExportFile> {
  const scope = await requireAdmin(db, actor);
  const orgId = input.orgId ?? scope.rootOrgId;
  checkInScope(scope, orgId);
  const what = input.what ?? 'orders';
  let result: { file: Buffer; rows: number };
  if (what === 'stats') {
    if (input.format === 'csv') throw invalid('format', '统计报表包含多张表，请导出 xlsx');
    const s = await computeStats(db, actor, input);
    const book = new ExcelJS.Workbook();
    book.creator = '劳模工匠点单';
    statsSheets(book, s);
    result = { file: Buffer.from(await book.xlsx.writeBuffer()), rows: s.byMonth.length };
  } else {
    const orgIds = orgId === scope.rootOrgId ? scope.orgIds : await orgSubtree(db, orgId);
    const pages = orderPages(db, orgIds, new Date(input.from), new Date(input.to));
    result = input.format === 'csv' ? await ordersCsv(pages) : await ordersXlsx(pages);
  }
  // `to` is exclusive (the next midnight): the name ends with the last day exported, not the day after.
  const stamp = dayjs(input.from).tz(ZONE).format('YYYYMMDD') + '-' + dayjs(new Date(input.to).getTime() - 1).tz(ZONE).format('YYYYMMDD');
  const base = `${what === 'stats' ? '统计报表' : '订单明细'}-${stamp}`;
  return { filename: `${base}.${input.format}`, mime: MIME[input.format], base64: result.file.toString('base64'), rows: result.rows };
}
