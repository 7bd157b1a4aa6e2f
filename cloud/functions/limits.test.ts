import { describe, expect, it } from '@jest/globals';
import { AppError } from '../contract';
import { DEFAULT_LIMITS, ExportGate, LimitsConfigError, RateLimiter, limitsFromEnv, type Limits } from './limits';

const rateOf = (limits: Limits, name: string) => limits.rules.find((r) => r.name === name)?.rate;

describe('limitsFromEnv', () => {
  it('keeps every default for an empty environment (and for variables set to nothing)', () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(limitsFromEnv({ REQUEST_DEADLINE_MS: '', MAX_OPEN_NEEDS: '', LIMIT_GRAB_PER_USER: ' ', RATE_LIMITS: '' })).toEqual(DEFAULT_LIMITS);
  });

  it('reads LIMIT_<NAME>=points/seconds for each rule, leaving the others alone', () => {
    const limits = limitsFromEnv({ LIMIT_ORDER_CREATE_PER_USER: '3/10', LIMIT_LOGIN_PER_IP: ' 100 / 3600 ' });
    expect(rateOf(limits, 'ORDER_CREATE_PER_USER')).toEqual({ points: 3, seconds: 10 });
    expect(rateOf(limits, 'LOGIN_PER_IP')).toEqual({ points: 100, seconds: 3600 });
    expect(rateOf(limits, 'GRAB_PER_USER')).toEqual(rateOf(DEFAULT_LIMITS, 'GRAB_PER_USER'));
    // The rule's actions and scope are not configuration: only its rate changes.
    expect(limits.rules.map(({ name, per, actions }) => ({ name, per, actions }))).toEqual(
      DEFAULT_LIMITS.rules.map(({ name, per, actions }) => ({ name, per, actions })),
    );
  });

  it('reads REQUEST_DEADLINE_MS, MAX_OPEN_NEEDS and EXPORTS_PER_ADMIN', () => {
    expect(limitsFromEnv({ REQUEST_DEADLINE_MS: '250', MAX_OPEN_NEEDS: '3', EXPORTS_PER_ADMIN: '2' })).toMatchObject({
      deadlineMs: 250,
      maxOpenNeeds: 3,
      exportsPerAdmin: 2,
    });
  });

  it('RATE_LIMITS=off drops the per-minute rules but keeps the deadline and the caps', () => {
    const off = limitsFromEnv({ RATE_LIMITS: 'off', MAX_OPEN_NEEDS: '4' });
    expect(off.rules).toEqual([]);
    expect(off).toMatchObject({ deadlineMs: DEFAULT_LIMITS.deadlineMs, maxOpenNeeds: 4, exportsPerAdmin: DEFAULT_LIMITS.exportsPerAdmin });
    expect(limitsFromEnv({ RATE_LIMITS: 'on' }).rules).toEqual(DEFAULT_LIMITS.rules);
  });

  it.each([
    ['LIMIT_ORDER_CREATE_PER_USER', '10', /LIMIT_ORDER_CREATE_PER_USER="10": expected points\/seconds/],
    ['LIMIT_ORDER_CREATE_PER_USER', '10/0', /LIMIT_ORDER_CREATE_PER_USER="10\/0"/],
    ['LIMIT_ORDER_CREATE_PER_USER', '0/60', /expected points\/seconds with positive whole numbers/],
    ['LIMIT_ORDER_CREATE_PER_USER', '-1/60', /LIMIT_ORDER_CREATE_PER_USER/],
    ['LIMIT_ORDER_CREATE_PER_USER', '1.5/60', /LIMIT_ORDER_CREATE_PER_USER/],
    ['LIMIT_ORDER_CREATE_PER_USER', '10/min', /LIMIT_ORDER_CREATE_PER_USER/],
    ['LIMIT_GRAB_PER_USER', '99999999999999999999/60', /LIMIT_GRAB_PER_USER/],
    ['REQUEST_DEADLINE_MS', '10s', /REQUEST_DEADLINE_MS="10s": expected a positive whole number/],
    ['REQUEST_DEADLINE_MS', '0', /REQUEST_DEADLINE_MS/],
    ['REQUEST_DEADLINE_MS', '1e4', /REQUEST_DEADLINE_MS/],
    ['MAX_OPEN_NEEDS', '-3', /MAX_OPEN_NEEDS="-3"/],
    ['MAX_OPEN_NEEDS', 'ten', /MAX_OPEN_NEEDS/],
    ['EXPORTS_PER_ADMIN', '1.5', /EXPORTS_PER_ADMIN/],
    ['RATE_LIMITS', 'of', /RATE_LIMITS="of": expected on or off/],
    ['RATE_LIMITS', 'false', /RATE_LIMITS/],
    // A misspelt rule would otherwise be ignored and the default kept without a word.
    ['LIMIT_ORDER_CREATE_PER_USR', '5/60', /LIMIT_ORDER_CREATE_PER_USR: no such limit; the limits are LIMIT_ORDER_CREATE_PER_USER, /],
  ])('refuses %s=%s with an error naming it', (name, value, message) => {
    expect(() => limitsFromEnv({ [name]: value })).toThrow(LimitsConfigError);
    expect(() => limitsFromEnv({ [name]: value })).toThrow(message);
  });
});

describe('RateLimiter', () => {
  const limits: Limits = {
    ...DEFAULT_LIMITS,
    rules: [
      { name: 'U', per: 'user', actions: ['order.create'], rate: { points: 2, seconds: 30 } },
      { name: 'IP', per: 'ip', actions: ['order.create', 'task.grab'], rate: { points: 3, seconds: 90 } },
    ],
  };
  const refusal = async (p: Promise<void>) => p.then(() => null, (e: unknown) => e as AppError);

  it('counts per user and per address, answering RATE_LIMITED with the wait in seconds and in Chinese', async () => {
    const limiter = new RateLimiter(limits);
    await limiter.consume({ name: 'order.create', userId: 'a', ip: '1.1.1.1' });
    await limiter.consume({ name: 'order.create', userId: 'a', ip: '1.1.1.1' });
    const err = await refusal(limiter.consume({ name: 'order.create', userId: 'a', ip: '1.1.1.1' }));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^操作太频繁，请 \d+ 秒后再试$/) });
    expect(err!.retryAfter).toBeGreaterThan(25);
    expect(err!.retryAfter).toBeLessThanOrEqual(30);
    // User b on another address is untouched. The refused call spent no point of the address rule
    // (the first refusal stops the count), so the address has one call left, for any of its actions.
    await limiter.consume({ name: 'order.create', userId: 'b', ip: '2.2.2.2' });
    await limiter.consume({ name: 'task.grab', userId: 'b', ip: '1.1.1.1' });
    const byIp = await refusal(limiter.consume({ name: 'task.grab', userId: 'b', ip: '1.1.1.1' }));
    expect(byIp).toMatchObject({ code: 'RATE_LIMITED', message: '操作太频繁，请 2 分钟后再试' });
    // An action no rule names is never counted.
    for (let i = 0; i < 10; i++) await limiter.consume({ name: 'order.mine', userId: 'a', ip: '1.1.1.1' });
  });
});

describe('ExportGate', () => {
  it('lets each admin run at most `max` at once, and frees the place when one ends, even by failing', async () => {
    const gate = new ExportGate(1);
    let finish!: () => void;
    const first = gate.run('admin-1', () => new Promise<string>((resolve) => (finish = () => resolve('done'))));
    await expect(gate.run('admin-1', async () => 'second')).rejects.toMatchObject({ code: 'RATE_LIMITED', retryAfter: 5 });
    await expect(gate.run('admin-2', async () => 'other admin')).resolves.toBe('other admin');
    finish();
    await expect(first).resolves.toBe('done');
    await expect(gate.run('admin-1', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(gate.run('admin-1', async () => 'again')).resolves.toBe('again');
  });
});

describe('default limits of the account writes and the certificate', () => {
  const refusal = async (p: Promise<void>) => p.then(() => null, (e: unknown) => e as AppError);

  it('the 21st profile or enterprise write in 10 minutes and the 11th certificate are refused for that user only', async () => {
    const limiter = new RateLimiter(DEFAULT_LIMITS);
    const at = (i: number) => ({ userId: 'u1', ip: `10.0.0.${i % 250}` });
    for (let i = 0; i < 20; i++) await limiter.consume({ name: i % 2 ? 'auth.updateProfile' : 'auth.applyEnterprise', ...at(i) });
    expect(await refusal(limiter.consume({ name: 'auth.updateProfile', ...at(21) }))).toMatchObject({ code: 'RATE_LIMITED' });
    await limiter.consume({ name: 'auth.updateProfile', userId: 'u2', ip: '10.0.1.1' });
    for (let i = 0; i < 10; i++) await limiter.consume({ name: 'task.certificate', ...at(i) });
    expect(await refusal(limiter.consume({ name: 'task.certificate', ...at(11) }))).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
