import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite does not lock its data directory, and two processes on one directory corrupt it.
 * We take a lock the way PostgreSQL's postmaster.pid does: a file created exclusively that holds
 * our pid. A lock whose pid is no longer alive (the holder crashed) is taken over. No timers: a
 * long synchronous query cannot make the lock look stale to another process.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'server.pid');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      let released = false;
      const release = async () => {
        if (released) return;
        released = true;
        process.off('exit', releaseSync);
        fs.rmSync(lockPath, { force: true });
      };
      const releaseSync = () => fs.rmSync(lockPath, { force: true });
      process.on('exit', releaseSync);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readPid(lockPath);
    if (holder !== null && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `数据目录 ${dataDir} 正被另一个进程使用（进程号 ${holder}；PGlite 只允许一个进程打开）。` +
          `请先停止那个服务，或用 DATA_DIR 指定其他目录。若确认没有其他进程，删除 ${lockPath} 后重试。`,
      );
    }
    if (holder === process.pid) throw new Error(`数据目录 ${dataDir} 已在本进程中打开`);
    // Stale lock from a crashed process: move it aside atomically (only one contender wins the
    // rename), then try to create ours again.
    try {
      fs.renameSync(lockPath, `${lockPath}.stale-${process.pid}`);
      fs.rmSync(`${lockPath}.stale-${process.pid}`, { force: true });
    } catch {
      // Someone else moved it first; loop and compete for the fresh lock.
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}，请重试`);
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
