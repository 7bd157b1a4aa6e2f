import { jest } from '@jest/globals';

// A test drives Chromium for up to 3 minutes. jest has no separate hook timeout: the hooks that
// start the server and the browser pass their own (300 s) to beforeAll/afterAll.
jest.setTimeout(180_000);
