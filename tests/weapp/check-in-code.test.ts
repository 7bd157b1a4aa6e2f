import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import QRCode from 'qrcode';
import { checkInPayload, codeAt } from '../../cloud/contract/check-in-code';
import { modulesOfPng } from '../helpers/qr-png-read';
import { qrSegments } from '../../src/packages/order/lib/qr-png';
import type { Phone } from './harness/phone';
import { textOf } from './harness/tree';
import { World } from './harness/world';
import { newDevice } from './harness/wx';

function expectClean(phone: Phone) {
  phone.nodes();
  expect({ errors: phone.errors, missingApis: [...phone.missing], missingTemplates: phone.missingTemplates }).toEqual({ errors: [], missingApis: [], missingTemplates: [] });
}

/** The QR the phone shows, read back from its PNG into modules, and compared with a payload's. */
function qrShows(phone: Phone, payload: string): boolean {
  const node = phone.byClass('checkin-code__qr')[0];
  expect(node).toBeTruthy();
  const src = Object.values(node!.data).find((v): v is string => typeof v === 'string' && v.startsWith('data:image/png;base64,'));
  expect(src).toBeTruthy();
  const qr = QRCode.create(qrSegments(payload), { errorCorrectionLevel: 'M' });
  const want = Array.from({ length: qr.modules.size }, (_, y) => Array.from({ length: qr.modules.size }, (_, x) => qr.modules.get(y, x) === 1));
  return JSON.stringify(modulesOfPng(src!)) === JSON.stringify(want);
}

describe('weapp: the requester shows the rotating check-in code, the volunteer scans it: 已核验', () => {
  let world: World;
  beforeAll(async () => {
    world = await World.create();
  }, 300_000);
  afterAll(() => world?.close());

  it('QR and 6 digits on the requester’s phone; a recorded scanCode answers the QR; the order reads 已核验 on both phones', async () => {
    const order = await world.acceptedLecture('o-checkin-requester', '吴志民');
    const requester = await world.phone('o-checkin-requester', { launch: `packages/order/detail/index?id=${order.id}` });
    await requester.waitForClass('checkin-code__digits');
    const secret = (await world.database.db.selectFrom('order_check_in_secrets').select('secret').where('order_id', '=', order.id).executeTakeFirstOrThrow()).secret;
    // What the phone shows is the code of now (or of the step that just turned).
    const shown = textOf(requester.byClass('checkin-code__digits')[0]!).replace(/\s/g, '');
    const now = Date.now();
    expect([codeAt(secret, now), codeAt(secret, now - 30_000)]).toContain(shown);
    const payload = checkInPayload(order.id, shown);
    expect(qrShows(requester, payload)).toBe(true);
    expect(requester.text()).toMatch(/每 30 秒更新 · \d+ 秒后刷新/);
    // The code is the requester's alone: the speaker's order answer never carries the secret.
    const seen = JSON.stringify((await world.cloud.call(order.speakerOpenid, 'order', { action: 'get', data: { id: order.id } })).result);
    expect(seen).not.toContain(secret);
    expectClean(requester);

    // ---- the speaker scans it --------------------------------------------------------------
    const device = newDevice();
    device.privacyAgreed = true;
    device.scanResults.push(payload);
    const speaker = await world.phone(order.speakerOpenid, { device });
    await speaker.switchTab('pages/tasks/index');
    await speaker.waitForText(order.title);
    await speaker.tap(speaker.byClass('task-card').find((n) => textOf(n).includes(order.title)));
    await speaker.tap(await speaker.waitForClass('checkin-by-code__scan'));
    await speaker.waitForText('服务中');
    expect(speaker.callsOf('scanCode')).toEqual([expect.objectContaining({ onlyFromCamera: true, scanType: ['qrCode'] })]);
    expect(speaker.lastToast()).toBe('已签到（已核验）');
    expect(speaker.text()).toContain('已签到（已核验）');
    const row = await world.database.db.selectFrom('orders').select(['status', 'check_in_verified', 'check_in_location']).where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'in_progress', check_in_verified: true, check_in_location: { latitude: device.location.latitude } });
    expectClean(speaker);

    // ---- the requester's page, refreshed: no code any more, 已核验 in the status line -------------
    await requester.pullDownRefresh();
    await requester.waitForText('已签到（已核验），服务进行中');
    expect(requester.byClass('checkin-code')).toHaveLength(0);
    expectClean(requester);

    // ---- 我的: the speaker downloads the hours certificate (the bundled function draws the PDF) ----
    await speaker.switchTab('pages/me/index');
    await speaker.waitForText('签到已核验 1/');
    device.actionSheetAnswers.push(1); // 近 12 个月
    await speaker.tap(await speaker.waitForClass('volunteer-stats__link--certificate'));
    for (let i = 0; i < 100 && speaker.callsOf('openDocument').length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const [opened] = speaker.callsOf('openDocument') as { filePath: string; fileType: string }[];
    expect(opened).toMatchObject({ fileType: 'pdf', filePath: expect.stringMatching(/^wxfile:\/\/usr\/志愿服务时长证明-吴志民-.+\.pdf$/) });
    const written = device.files.get(opened.filePath)!;
    expect(written.encoding).toBe('base64');
    const pdf = Buffer.from(written.data, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(200 * 1024);
    await speaker.settle();
    expect(speaker.lastToast()).toMatch(/^已生成，累计 [\d.]+ 小时$/);
    const issued = await world.database.db.selectFrom('certificates').select(['code', 'figures']).orderBy('issued_at', 'desc').executeTakeFirstOrThrow();
    expect(issued.figures).toMatchObject({ name: '吴志民' });
    expectClean(speaker);
    expect(world.cloud.errorLines()).toEqual([]);
  });

  it('an old code typed in is refused with a clear message; without a code it checks in 未核验', async () => {
    const order = await world.acceptedLecture('o-checkin-requester-2', '葛小青');
    const { secret } = await world.api<{ secret: string }>('o-checkin-requester-2', 'order', 'checkInCode', { id: order.id });
    const device = newDevice();
    device.privacyAgreed = true;
    const speaker = await world.phone(order.speakerOpenid, { device });
    await speaker.switchTab('pages/tasks/index');
    await speaker.waitForText(order.title);
    await speaker.tap(speaker.byClass('task-card').find((n) => textOf(n).includes(order.title)));
    await speaker.waitForClass('checkin-by-code__input');
    await speaker.type(speaker.byClass('checkin-by-code__input')[0]!, codeAt(secret, Date.now() - 120_000));
    await speaker.tap(speaker.byClass('checkin-by-code__submit')[0]!);
    await speaker.waitForText('签到码已过期，请对方刷新页面后重新出示');
    await speaker.tap(speaker.byClass('task-action--checkIn')[0]!);
    await speaker.waitForText('服务中');
    expect(speaker.text()).toContain('已签到（未核验）');
    expectClean(speaker);
  });
});
