import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import type { CertificateFigures, CertificateFile } from '../../cloud/contract';
import { formatCode } from '../../cloud/domain/trust/certificate';
import { registerVerifyPage } from '../../cloud/server/verify-page';
import { createWorkers, type Session } from '../helpers/actors';
import { createTestDatabase, type EngineName, type TestDatabase } from '../helpers/db';
import { insertFixtureOrders, type FixtureOrder } from '../helpers/fixtures';
import { adminOf, createTeam, createVolunteer, orgsByName, type VolunteerSession } from '../helpers/orgs';
import { createTestServer, okData, type TestServer } from '../helpers/server';

/** The PDF's text and fonts, read back by pdf.js in a child process (it is ES modules only). */
function readPdf(bytes: Buffer): { pages: number; text: string[]; title: string | null } {
  const file = path.join(os.tmpdir(), `cert-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    return JSON.parse(execFileSync(process.execPath, [path.join(__dirname, '../helpers/pdf-text.mjs'), file], { encoding: 'utf8' }));
  } finally {
    fs.rmSync(file, { force: true });
  }
}

const ENGINES: EngineName[] = ['pglite', 'postgres'];

describe.each(ENGINES)('志愿服务时长证明 on %s', (engine) => {
  let database: TestDatabase;
  let server: TestServer;
  let V: VolunteerSession, W: VolunteerSession;
  let R: Session;
  let org: Record<string, string>;
  const TEAM = `时长证明测试服务队${engine}`;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    server = await createTestServer(database);
    org = await orgsByName(server);
    const teamId = await createTeam(server, org['义乌市总工会'], TEAM);
    V = await createVolunteer(server, { orgId: org['义乌市总工会'], name: '陈建华', teamId });
    W = await createVolunteer(server, { orgId: org['义乌市总工会'], name: '别的志愿者' });
    [R] = await createWorkers(server, 1, `证明${engine}`);
    const base = { orgId: org['义乌市总工会'], requesterId: R.userId, volunteerId: V.volunteerId };
    const orders: FixtureOrder[] = [
      { ...base, kind: 'lecture', status: 'rated', start: '2026-01-08T09:00:00+08:00', peopleServed: 120, creditedMinutes: 90, rating: 5 },
      { ...base, kind: 'lecture', status: 'completed', start: '2026-01-20T14:00:00+08:00', peopleServed: 60, creditedMinutes: 60 },
      { ...base, kind: 'service', status: 'completed', start: '2026-02-03T09:00:00+08:00', peopleServed: 8, creditedMinutes: 150 },
      { ...base, kind: 'need', status: 'rated', start: '2026-03-31T23:30:00+08:00', peopleServed: 3, creditedMinutes: 45, rating: 4 },
      // Not counted: not completed, another volunteer's, outside the period (Shanghai days).
      { ...base, kind: 'lecture', status: 'cancelled', start: '2026-01-10T09:00:00+08:00' },
      { ...base, kind: 'lecture', status: 'in_progress', start: '2026-02-10T09:00:00+08:00' },
      { ...base, kind: 'lecture', status: 'accepted', start: '2026-02-12T09:00:00+08:00' },
      { ...base, volunteerId: W.volunteerId, kind: 'lecture', status: 'completed', start: '2026-01-09T09:00:00+08:00', peopleServed: 99, creditedMinutes: 60 },
      { ...base, kind: 'lecture', status: 'completed', start: '2025-12-31T23:00:00+08:00', peopleServed: 77, creditedMinutes: 60 },
      { ...base, kind: 'lecture', status: 'completed', start: '2026-04-01T00:00:00+08:00', peopleServed: 77, creditedMinutes: 60 },
    ];
    await insertFixtureOrders(database, orders, `cert-${engine}`);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const period = { from: '2026-01-01', to: '2026-03-31' };
  const expected = {
    name: '陈建华', org: '义乌市总工会', team: TEAM, issuer: '义乌市总工会', from: period.from, to: period.to,
    lectures: 2, services: 2, peopleServed: 191, hours: 5.8,
    byMonth: [
      { month: '2026-01', lectures: 2, services: 0, peopleServed: 180, hours: 2.5 },
      { month: '2026-02', lectures: 0, services: 1, peopleServed: 8, hours: 2.5 },
      { month: '2026-03', lectures: 0, services: 1, peopleServed: 3, hours: 0.8 },
    ],
  };

  it('a PDF with the figures of the completed records, a CJK font subset, small; its text reads back', async () => {
    const file = okData(await V.call<CertificateFile>('task', 'certificate', period));
    expect(file.figures).toMatchObject(expected);
    expect(file.figures.code).toMatch(/^[0-9A-HJ-NP-Z]{12}$/);
    const pdf = Buffer.from(file.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBe(file.bytes);
    expect(pdf.length).toBeLessThan(200 * 1024);
    // The font is embedded as a subset (pdfkit tags its name ABCDEF+…), not the 8 MB file.
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    const read = readPdf(pdf);
    expect(read.pages).toBe(1);
    expect(read.title).toBe('志愿服务时长证明');
    const text = read.text.join('').replace(/\s+/g, '');
    for (const want of [
      '志愿服务时长证明', `证明编号：${formatCode(file.figures.code)}`, '兹证明陈建华同志', `义乌市总工会·${TEAM}`,
      '2026年1月1日至2026年3月31日', '完成宣讲2场、技术服务2次，服务群众191人次，累计志愿服务时长5.8小时',
      '2026年1月201802.5', '2026年2月0182.5', '2026年3月0130.8', '合计221915.8',
      '出具单位：义乌市总工会', `/verify/${file.figures.code}`,
    ]) expect(text).toContain(want.replace(/\s+/g, ''));
    expect(file.filename).toBe('志愿服务时长证明-陈建华-2026-01-01至2026-03-31.pdf');
  });

  it('verifyCertificate answers the same figures and nothing else of the person; a forged code is NOT_FOUND', async () => {
    const file = okData(await V.call<CertificateFile>('task', 'certificate', period));
    // Public: no session.
    const typed = formatCode(file.figures.code).toLowerCase();
    const got = okData(await server.call<CertificateFigures>('catalog', 'verifyCertificate', { code: typed }));
    expect(got).toEqual(file.figures);
    expect(Object.keys(got).sort()).toEqual(['byMonth', 'code', 'from', 'hours', 'issuedAt', 'issuer', 'lectures', 'name', 'org', 'peopleServed', 'services', 'team', 'to']);
    expect(JSON.stringify(got)).not.toMatch(/1380000|phone|userId|volunteerId|测试地址/);
    for (const forged of ['ABCDEFGHJKLM', `${file.figures.code.slice(0, 11)}${file.figures.code.endsWith('A') ? 'B' : 'A'}`, 'x', "' OR 1=1 --"]) {
      const res = await server.call('catalog', 'verifyCertificate', { code: forged });
      expect([res.status, res.body.ok ? null : res.body.error.code]).toEqual([404, 'NOT_FOUND']);
    }
    // What was issued stays as issued: a later record does not change a printed certificate.
    await insertFixtureOrders(database, [{ orgId: org['义乌市总工会'], requesterId: R.userId, volunteerId: V.volunteerId, kind: 'lecture', status: 'completed', start: '2026-03-05T09:00:00+08:00', peopleServed: 10, creditedMinutes: 60 }], `cert-late-${engine}`);
    expect(okData(await server.call<CertificateFigures>('catalog', 'verifyCertificate', { code: file.figures.code })).hours).toBe(5.8);
    expect(okData(await V.call<CertificateFile>('task', 'certificate', period)).figures.hours).toBe(6.8);

    // The public page the QR points to says the same.
    const app = Fastify();
    await registerVerifyPage(app, server.services);
    try {
      const page = await app.inject({ method: 'GET', url: `/verify/${file.figures.code}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('证明真实有效');
      expect(page.body).toContain('累计志愿服务时长 <b>5.8</b> 小时');
      expect((await app.inject({ method: 'GET', url: '/verify/ABCDEFGHJKLM' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
    // And the real server serves it, with its security headers.
    const served = await server.app.inject({ method: 'GET', url: `/verify/${formatCode(file.figures.code)}` });
    expect([served.statusCode, served.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(served.body).toContain(file.figures.name);
  });

  it('refuses a bad period by field, a non-volunteer, and nobody logged in', async () => {
    const bad = async (data: object) => {
      const res = await V.call('task', 'certificate', data);
      return res.body.ok ? null : [res.body.error.code, Object.keys(res.body.error.fields ?? {})[0]];
    };
    expect(await bad({ from: '2026-03-31', to: '2026-01-01' })).toEqual(['VALIDATION', 'to']);
    expect(await bad({ from: '2026-02-30', to: '2026-03-01' })).toEqual(['VALIDATION', 'from']);
    expect(await bad({ from: '2020-01-01', to: '2026-01-01' })).toEqual(['VALIDATION', 'to']);
    expect(await bad({ from: '2026/01/01', to: '2026-01-02' })).toEqual(['VALIDATION', 'from']);
    expect((await R.call('task', 'certificate', period)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await server.call('task', 'certificate', period)).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const admin = await adminOf(server, org['义乌市总工会']);
    expect((await admin.call('task', 'certificate', period)).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
