import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../cloud/config';
import { startRuntime } from '../cloud/runtime/services';

/** Server start (open + migrate + seed) on an empty PGlite directory, then on the same one again. */
export async function benchStartup(): Promise<{ emptyMs: number; existingMs: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lmgj-bench-'));
  try {
    const config = { ...loadConfig({ DATA_DIR: dir }), sessionSecret: 'bench-secret-bench-secret' };
    const first = await startRuntime(config);
    await first.database.close();
    const second = await startRuntime(config);
    await second.database.close();
    return { emptyMs: first.startup.ms, existingMs: second.startup.ms };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
