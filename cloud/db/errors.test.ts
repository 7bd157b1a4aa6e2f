import net from 'node:net';
import pg from 'pg';
import { describe, expect, it } from '@jest/globals';
import { AppError } from '../contract';
import { isDatabaseUnavailable } from './errors';
import { clientWithConnectTimeout } from './pool-health';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

/** A TCP server that accepts and never says a word: a database host that hangs. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const srv = net.createServer((s) => sockets.add(s));
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return {
    port: (srv.address() as net.AddressInfo).port,
    close: () => new Promise((resolve) => (sockets.forEach((s) => s.destroy()), srv.close(() => resolve()))),
  };
}

describe('isDatabaseUnavailable', () => {
  it('knows a database that is down, restarting or out of reach', () => {
    const down = [
      withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      withCode('read ECONNRESET', 'ECONNRESET'),
      withCode('terminating connection due to administrator command', '57P01'),
      withCode('the database system is starting up', '57P03'),
      withCode('sorry, too many clients already', '53300'),
      withCode('connection failure', '08006'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('timeout expired'),
      new Error('Client has encountered a connection error and is not queryable'),
      // localhost with two addresses, both refused
      Object.assign(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''), { code: undefined }),
      new Error('wrapped', { cause: withCode('connect ECONNREFUSED', 'ECONNREFUSED') }),
    ];
    expect(down.filter((err) => !isDatabaseUnavailable(err)).map(String)).toEqual([]);
  });

  it('leaves other failures alone', () => {
    const others = [
      withCode('duplicate key value violates unique constraint', '23505'),
      withCode('syntax error at or near "SELEC"', '42601'),
      withCode('canceling statement due to statement timeout', '57014'),
      new AppError('NOT_FOUND', '订单不存在'),
      new Error('boom'),
      null,
      undefined,
      'ECONNREFUSED',
    ];
    expect(others.filter((err) => isDatabaseUnavailable(err)).map(String)).toEqual([]);
  });

  it('recognises a refused connection as pg reports it', async () => {
    const srv = await silentServer();
    const port = srv.port;
    await srv.close(); // nothing listens there now
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'x', database: 'x' });
    const err = await client.connect().then(() => null, (e: unknown) => e);
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it('gives up on a host that never answers after the connect timeout, with an error it recognises', async () => {
    const srv = await silentServer();
    try {
      const pool = new pg.Pool({ host: '127.0.0.1', port: srv.port, user: 'x', database: 'x', Client: clientWithConnectTimeout(300) });
      const t0 = Date.now();
      const err = await pool.query('SELECT 1').then(() => null, (e: unknown) => e);
      expect(Date.now() - t0).toBeLessThan(2_000);
      expect(isDatabaseUnavailable(err)).toBe(true);
      await pool.end();
    } finally {
      await srv.close();
    }
  });
});
