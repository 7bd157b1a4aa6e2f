import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { ensureBuilds, HARNESS_APPID, ROOT, WEAPP_DIR } from './harness/build';

/** WeChat's own compilers, shipped in miniprogram-compiler (a dependency of Taro's webpack runner). */
const BIN = path.join(ROOT, 'node_modules/miniprogram-compiler/bin/linux');
const KiB = 1024;
/** Our aim for the main package (WeChat's cap is 2 MB); a subpackage may not exceed 2 MB. */
const MAIN_PACKAGE_AIM = 350 * KiB;
const SUBPACKAGE_CAP = 2048 * KiB;

function filesUnder(dir: string, ext?: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!ext || e.name.endsWith(ext)) out.push(path.relative(WEAPP_DIR, p));
    }
  };
  walk(dir);
  return out.sort();
}

function compiler(name: 'wcc' | 'wcsc'): string {
  const bin = path.join(BIN, name);
  // npm does not always keep the executable bit of a package's binaries.
  fs.chmodSync(bin, 0o755);
  return bin;
}

function packageSizes() {
  const app = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8')) as { subPackages: { root: string }[] };
  const roots = app.subPackages.map((s) => s.root.replace(/\/?$/, '/'));
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r) => [r, 0] as [string, number])]);
  for (const f of filesUnder(WEAPP_DIR)) {
    if (f === 'project.config.json') continue; // DevTools' settings, not uploaded
    const root = roots.find((r) => f.startsWith(r)) ?? 'main';
    sizes.set(root, sizes.get(root)! + fs.statSync(path.join(WEAPP_DIR, f)).size);
  }
  return sizes;
}

describe('the weapp bundle as WeChat takes it', () => {
  beforeAll(() => ensureBuilds(), 300_000);

  it('every WXSS compiles with wcsc', () => {
    const files = filesUnder(WEAPP_DIR, '.wxss');
    expect(files.length).toBeGreaterThan(30);
    const res = spawnSync(compiler('wcsc'), ['-db', '-pc', '0', ...files], { cwd: WEAPP_DIR, maxBuffer: 64 * 1024 * 1024 });
    expect({ status: res.status, stderr: res.stderr.toString().trim() }).toEqual({ status: 0, stderr: '' });
  });

  it('every WXML (and WXS) compiles with wcc', () => {
    const files = [...filesUnder(WEAPP_DIR, '.wxml'), ...filesUnder(WEAPP_DIR, '.wxs')];
    expect(files.length).toBeGreaterThan(30);
    const res = spawnSync(compiler('wcc'), ['-d', ...files], { cwd: WEAPP_DIR, maxBuffer: 64 * 1024 * 1024 });
    expect({ status: res.status, stderr: res.stderr.toString().trim() }).toEqual({ status: 0, stderr: '' });
    expect(res.stdout.toString()).toContain('$gwx');
  });

  it('wcsc is strict enough to catch what WeChat rejects', () => {
    const dir = fs.mkdtempSync(path.join(WEAPP_DIR, '..', 'wcsc-probe-'));
    try {
      fs.writeFileSync(path.join(dir, 'probe.wxss'), '.a > * { margin: 0; }');
      const res = spawnSync(compiler('wcsc'), ['-db', 'probe.wxss'], { cwd: dir });
      expect(res.status).not.toBe(0);
      expect(res.stderr.toString()).toContain("error at token `*`");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('app.json and project.config.json carry the settings WeChat checks', () => {
    const app = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8'));
    expect(app.lazyCodeLoading).toBe('requiredComponents');
    expect(app.__usePrivacyCheck__).toBe(true);
    expect(app.requiredPrivateInfos).toEqual(['getLocation']);
    const project = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'project.config.json'), 'utf8'));
    expect(project.appid).toBe(HARNESS_APPID); // TARO_APP_ID at build time
    expect(project.cloudfunctionRoot).toBe('../cloudfunctions/');
    expect(project.setting).toMatchObject({ es6: true, enhance: true, minified: true, minifyWXSS: true, minifyWXML: true });
  });

  it(`keeps the main package within ${MAIN_PACKAGE_AIM / KiB} KiB and every subpackage under 2 MB`, () => {
    const sizes = packageSizes();
    const figures = Object.fromEntries([...sizes].map(([k, v]) => [k, `${(v / KiB).toFixed(1)} KiB`]));
    console.log('weapp package sizes', figures);
    expect(sizes.get('main')!).toBeLessThanOrEqual(MAIN_PACKAGE_AIM);
    for (const [root, size] of sizes) if (root !== 'main') expect({ root, over: size > SUBPACKAGE_CAP }).toEqual({ root, over: false });
  });

  it("passes miniprogram-ci's code-quality check, offline", () => {
    const out = execFileSync(process.execPath, [path.join(__dirname, 'harness/code-quality.js'), WEAPP_DIR, HARNESS_APPID], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    const json = out.slice(out.indexOf('@@RESULT@@') + '@@RESULT@@'.length);
    const { quality, files } = JSON.parse(json) as { quality: { name: string; success: boolean; text: string }[]; files: { path: string; size: number }[] };
    expect(quality.length).toBeGreaterThan(5);
    const failed = quality.filter((q) => !q.success).map((q) => `${q.name}: ${q.text}`);
    expect(failed).toEqual([]);
    // The analysis sees every file of the build (nothing it cannot parse is left out).
    expect(files.length).toBeGreaterThan(100);
  });
});
