/**
 * jest-environment-jsdom 29 gives tests jsdom's window only; vitest's jsdom environment kept Node's
 * globals beside it. The client code and its tests use the fetch API (fetch, Response, Request,
 * Headers) and a few others that jsdom lacks: hand Node's own to the test window.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = ['fetch', 'Response', 'Request', 'Headers', 'TextEncoder', 'TextDecoder', 'structuredClone'];

module.exports = class JsdomWithNodeGlobals extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) {
      if (this.global[name] === undefined) this.global[name] = globalThis[name];
    }
  }
};
