import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { FUNCTIONS } from '../functions/registry';
import { CERTIFICATE_FONT, certificateFontPath } from '../domain/trust/certificate-pdf';

const root = path.resolve(__dirname, '../..');
// CLOUD_BUNDLE_DIR (inside the repository, so the bundles find node_modules): a test builds its own
// copy without pulling dist/cloudfunctions from under another run.
const outRoot = path.resolve(root, process.env.CLOUD_BUNDLE_DIR || 'dist/cloudfunctions');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

/**
 * Per-function CloudBase settings: the timer runs every minute (CloudBase cron has 7 fields) and
 * sends the subscribe messages, so it needs that open-API permission (-604101 without it) and more
 * than the default 3 s.
 */
const FUNCTION_CONFIG: Record<string, object> = {
  timer: { timeout: 60, triggers: [{ name: 'sla', type: 'timer', config: '0 * * * * * *' }] },
};
/**
 * The open APIs each function calls (its config.json `permissions.openapi`; a call not listed fails
 * with -604101): the timer sends subscribe messages; auth reads a phone number from WeChat's
 * phone button and makes the desktop-login mini-program code; admin makes invitation codes.
 */
const OPEN_APIS: Record<string, string[]> = {
  timer: ['subscribeMessage.send'],
  auth: ['phonenumber.getPhoneNumber', 'wxacode.getUnlimited'],
  admin: ['wxacode.getUnlimited'],
};

/** Functions that draw the hours certificate (task.certificate) and so need its font file (8 MB). */
const NEEDS_CERTIFICATE_FONT = ['task'];

/** Entry source per function: action maps go through createMain; the timer has its own main. */
const entrySource = (name: string) =>
  name === 'timer'
    ? `export { main } from '${path.join(root, 'cloud/cloudbase/timer')}';\n`
    : `import { createMain } from '${path.join(root, 'cloud/cloudbase/entry')}';\n` +
      `import { actions } from '${path.join(root, 'cloud/functions', name)}';\n` +
      `export const main = createMain(${JSON.stringify(name)}, actions);\n`;

/**
 * `npm run build:cloud`: one folder per cloud function, each uploadable alone: a bundled
 * `index.js` (shared code inlined), `package.json` (only wx-server-sdk, installed in the cloud) and
 * `config.json`.
 */
async function main() {
  fs.rmSync(outRoot, { recursive: true, force: true });
  for (const name of [...Object.keys(FUNCTIONS), 'timer']) {
    const dir = path.join(outRoot, name);
    fs.mkdirSync(dir, { recursive: true });
    const entry = path.join(dir, '.entry.ts');
    fs.writeFileSync(entry, entrySource(name));
    const t0 = performance.now();
    await build({
      entryPoints: [entry],
      outfile: path.join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      legalComments: 'none',
      // PGlite is never used in the cloud (DATABASE_URL is required there); the SDK is installed there.
      external: ['wx-server-sdk', '@electric-sql/pglite', '@electric-sql/pglite/*', 'pg-native'],
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
    });
    fs.rmSync(entry);
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify(
        { name, version: '1.0.0', main: 'index.js', private: true, dependencies: { 'wx-server-sdk': pkg.devDependencies['wx-server-sdk'] } },
        null,
        2,
      ) + '\n',
    );
    fs.writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ permissions: { openapi: OPEN_APIS[name] ?? [] }, ...FUNCTION_CONFIG[name] }, null, 2) + '\n',
    );
    // The certificate's font travels with the function that draws the PDF (read next to index.js).
    if (NEEDS_CERTIFICATE_FONT.includes(name)) {
      fs.mkdirSync(path.join(dir, 'fonts'), { recursive: true });
      fs.copyFileSync(certificateFontPath(), path.join(dir, 'fonts', CERTIFICATE_FONT));
    }
    const kb = (fs.statSync(path.join(dir, 'index.js')).size / 1024).toFixed(0);
    console.log(`cloudfunctions/${name}: index.js ${kb} KB (${Math.round(performance.now() - t0)} ms)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
