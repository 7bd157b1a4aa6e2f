/** Per-project timeouts: jest's `testTimeout` is global, so the setup files set these per project. */

/** Real databases (migrations, seeds, races): a test or hook may take up to 2 minutes. */
export const INTEGRATION_TIMEOUT = 120_000;

/** A browser test drives Chromium through a whole flow for up to 3 minutes. */
export const BROWSER_TEST_TIMEOUT = 180_000;

/**
 * jest has no separate hook timeout: the browser hooks that start or stop the real server and
 * Chromium pass this one to beforeAll/afterAll themselves.
 */
export const BROWSER_HOOK_TIMEOUT = 300_000;

/** A weapp journey: a few phones through a whole flow against the bundled functions. */
export const WEAPP_TEST_TIMEOUT = 120_000;
