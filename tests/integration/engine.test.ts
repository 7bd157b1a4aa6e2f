import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { openDatabase } from '../../cloud/db/engine';
import { migrate } from '../../cloud/db/migrate';
import { demoData } from '../../cloud/db/seed/data';
import { seedIfEmpty } from '../../cloud/db/seed/load';

const root = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-engine-'));

describe('PGlite data directory', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('persists, migrates once and seeds only an empty database', async () => {
    const first = await openDatabase({ dataDir: dir });
    expect(await migrate(first.db)).toEqual(fs.readdirSync(path.join(root, 'cloud/db/migrations')).filter((f) => f.endsWith('.sql')).sort());
    expect(await seedIfEmpty(first.db, demoData)).toBe(true);
    await first.close();

    const again = await openDatabase({ dataDir: dir });
    expect(await migrate(again.db)).toEqual([]);
    expect(await seedIfEmpty(again.db, demoData)).toBe(false);
    const { count } = await again.db.selectFrom('volunteers').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    expect(Number(count)).toBe(demoData.volunteers.length);
    await again.close();
  });

  it('takes over the lock of a crashed holder', async () => {
    // A pid that cannot be alive: the holder crashed without removing its lock.
    fs.writeFileSync(path.join(dir, 'server.pid'), '999999999\n');
    const database = await openDatabase({ dataDir: dir });
    expect(fs.readFileSync(path.join(dir, 'server.pid'), 'utf8').trim()).toBe(String(process.pid));
    await database.close();
    expect(fs.existsSync(path.join(dir, 'server.pid'))).toBe(false);
  });

  it('refuses a second process on the same directory with a clear message', async () => {
    const holder = await openDatabase({ dataDir: dir });
    try {
      const res = await runServer(dir);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('正被另一个进程使用');
    } finally {
      await holder.close();
    }
  });
});

/** Runs `npm start`'s entry on a directory (async: the lock holder's process stays responsive). */
function runServer(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'cloud/server/main.ts'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, SKIP_H5_BUILD: '1', PORT: '0' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}
