/**
 * One CloudBase "container" for the weapp harness: a child process that loads the bundled
 * functions (dist/cloudfunctions/<name>/index.js) and runs `exports.main(event, context)` for each
 * call it is sent, with the caller's OPENID in the environment the way CloudBase provides it to
 * wx-server-sdk. Calls run one at a time, since the OPENID lives in process.env. Plain CommonJS:
 * it runs under bare node, outside jest.
 */
const path = require('node:path');

const functionsDir = process.env.HARNESS_FUNCTIONS_DIR;
const mains = new Map();
let queue = Promise.resolve();

function mainOf(name) {
  if (!mains.has(name)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mains.set(name, require(path.join(functionsDir, name, 'index.js')).main);
  }
  return mains.get(name);
}

process.on('message', (msg) => {
  queue = queue.then(async () => {
    try {
      process.env.WX_OPENID = msg.openid;
      const result = await mainOf(msg.name)(msg.event, { request_id: msg.requestId });
      process.send({ id: msg.id, result });
    } catch (err) {
      process.send({ id: msg.id, error: String((err && err.stack) || err) });
    }
  });
});
process.send({ ready: true });
