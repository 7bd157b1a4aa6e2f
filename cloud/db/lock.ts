import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * PGlite does not lock its data directory, and two processes on one directory corrupt it.
 * Take an exclusive lock first. The lock is refreshed while we run; a crashed holder's lock goes
 * stale after a few seconds, so a restart after a crash waits briefly and then proceeds.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, '.lock'),
      stale: 5_000,
      update: 1_000,
      retries: { retries: 7, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 },
      onCompromised: (err) => {
        // Another process took the directory from under us: stop before we corrupt it.
        console.error(`数据目录锁丢失，为避免损坏数据立即退出: ${err.message}`);
        process.exit(1);
      },
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new Error(
        `数据目录 ${dataDir} 正被另一个进程使用（PGlite 只允许一个进程打开）。` +
          '请先停止另一个服务，或用 DATA_DIR 指定其他目录。',
      );
    }
    throw err;
  }
}
