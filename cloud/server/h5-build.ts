import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The client also compiles the pure shared modules it imports (config/index.ts, sharedWithClient).
const SOURCES = ['src', 'config', 'babel.config.js', 'package-lock.json', 'cloud/contract', 'cloud/domain/rules.ts'];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when the H5 build is missing or older than the client sources. */
export function h5BuildIsStale(root: string, h5Dir: string): boolean {
  const index = path.join(h5Dir, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

/** Builds the H5 app with Taro, streaming its output so the wait shows progress. */
export function buildH5(root: string): void {
  console.log('正在构建 H5（首次约 15–30 秒）…');
  const res = spawnSync('npx', ['taro', 'build', '--type', 'h5', '--no-check'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (res.status !== 0) throw new Error('H5 构建失败，请查看上方输出');
}
