import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The weapp bundle and the CloudBase functions the harness runs, built when missing or older than
 * their sources. The bundle is built for the harness's own appid and cloud environment (the
 * build-time configuration a real release sets, README "Open it in WeChat"), so the test also
 * shows that `wx.cloud.init` names the environment the build was given.
 */
export const ROOT = path.resolve(__dirname, '../../..');
export const HARNESS_ENV = 'laomo-harness-7f3a2c';
export const HARNESS_APPID = 'wx0000harness0001';

const CLIENT_SOURCES = ['src', 'config', 'babel.config.js', 'package.json', 'cloud/contract', 'cloud/domain/rules.ts'];
const CLOUD_SOURCES = ['cloud', 'package.json'];
export const FUNCTIONS_DIR = path.join(ROOT, 'dist/cloudfunctions');
export const WEAPP_DIR = path.join(ROOT, 'dist/weapp');

function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let n = st.mtimeMs;
  for (const e of fs.readdirSync(p)) n = Math.max(n, newest(path.join(p, e)));
  return n;
}

function stale(output: string, sources: string[]): boolean {
  if (!fs.existsSync(output)) return true;
  const built = fs.statSync(output).mtimeMs;
  return sources.some((s) => newest(path.join(ROOT, s)) > built);
}

/** Runs a build quietly (Taro prints pages of warnings); its output is shown only when it fails. */
function run(args: string[], env: Record<string, string>): void {
  const started = Date.now();
  const res = spawnSync('npx', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production', ...env } });
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${res.status}):\n${`${res.stdout}\n${res.stderr}`.slice(-6000)}`);
  console.log(`${args.slice(0, 3).join(' ')}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export function weappBuiltForHarness(): boolean {
  const app = path.join(WEAPP_DIR, 'app.js');
  return fs.existsSync(app) && fs.readFileSync(app, 'utf8').includes(HARNESS_ENV);
}

export function ensureBuilds(): void {
  // While working on the harness itself: use whatever dist/ holds.
  if (process.env.WEAPP_SKIP_BUILD === '1') return;
  if (stale(path.join(WEAPP_DIR, 'app.js'), CLIENT_SOURCES) || !weappBuiltForHarness()) {
    console.log('正在构建小程序（weapp，约 40–70 秒）…');
    run(['taro', 'build', '--type', 'weapp', '--no-check'], { CLOUD_ENV: HARNESS_ENV, TARO_APP_ID: HARNESS_APPID });
  }
  if (stale(path.join(FUNCTIONS_DIR, 'order/index.js'), CLOUD_SOURCES)) {
    run(['tsx', 'cloud/build/bundle.ts'], {});
  }
}
