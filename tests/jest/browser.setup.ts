import { jest } from '@jest/globals';
import { BROWSER_TEST_TIMEOUT } from './timeouts';

// Hooks pass BROWSER_HOOK_TIMEOUT themselves; a test may give its own (the lecture loop does).
jest.setTimeout(BROWSER_TEST_TIMEOUT);
