/**
 * Taro copies project.config.json into dist/weapp (with TARO_APP_ID as its appid) and sets
 * miniprogramRoot to './', but keeps cloudfunctionRoot as written for the repository root. Opened
 * from dist/weapp, WeChat DevTools would then look for the functions in dist/weapp/dist/…: point it
 * at dist/cloudfunctions, where `npm run build:cloud` writes them.
 */
const fs = require('node:fs');
const path = require('node:path');

module.exports = (ctx) => {
  ctx.onBuildFinish(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    const file = path.join(ctx.paths.outputPath, 'project.config.json');
    if (!fs.existsSync(file)) return;
    const config = JSON.parse(fs.readFileSync(file, 'utf8'));
    config.cloudfunctionRoot = '../cloudfunctions/';
    fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  });
};
