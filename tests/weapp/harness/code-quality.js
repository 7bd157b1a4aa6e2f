/**
 * miniprogram-ci's code-quality check and package analysis, offline, on dist/weapp. Run as a child
 * process: the CI project starts a file watcher and never lets the process end on its own. Prints
 * one JSON line {quality, analysis}. The appid and key are throwaway: neither check talks to WeChat.
 */
const crypto = require('node:crypto');
const ci = require('miniprogram-ci');

(async () => {
  const { privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 1024,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const project = new ci.Project({ appid: process.argv[3] || 'wx0000harness0001', type: 'miniProgram', projectPath: process.argv[2], privateKey, ignores: ['node_modules/**/*'] });
  const quality = await ci.checkCodeQuality(project);
  const analysis = await ci.analyseCode(project, { silent: true });
  const files = (analysis && analysis.files ? analysis.files : []).map((f) => ({ path: f.path, size: f.size, subPackage: f.subPackage }));
  process.stdout.write(`\n@@RESULT@@${JSON.stringify({ quality, files })}\n`);
  process.exit(0);
})().catch((err) => {
  process.stderr.write(String((err && err.stack) || err));
  process.exit(1);
});
