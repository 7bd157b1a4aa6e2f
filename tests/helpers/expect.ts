/**
 * jest's `expect` plus the two things these tests used from vitest's and jest lacks:
 * - `expect(actual, message)`: a failing matcher's message starts with `message: ` (loops over
 *   cases name the case that failed);
 * - `expect.poll(fn, { timeout, interval, message })`: calls `fn` until the matcher passes, with
 *   vitest's defaults (every 50 ms for up to 1 s), and fails with the last failure when time is up.
 * Everything else is jest's own `expect` (matchers, `.not`, `.resolves`, `expect.any`…).
 * Failures point at the test's line, not at this file.
 */
import { expect as jestExpect } from '@jest/globals';

type Matchers<T> = ReturnType<typeof jestExpect<T>>;
type AnyMatchers = Matchers<unknown>;
type MatcherName = {
  [K in keyof AnyMatchers]: AnyMatchers[K] extends (...args: never[]) => unknown ? K : never;
}[keyof AnyMatchers];
type PollMatchers = { [K in MatcherName]: (...args: Parameters<AnyMatchers[K]>) => Promise<void> };

export interface PollOptions {
  timeout?: number;
  interval?: number;
  message?: string;
}

/** `message: ` before the error's message, and the stack of `site` (the test's call) under it. */
function relabel(err: unknown, message: string | undefined, site: Error): unknown {
  if (!(err instanceof Error)) return err;
  if (message) err.message = `${message}: ${err.message}`;
  const frames = (site.stack ?? '').split('\n').slice(1).join('\n');
  err.stack = `${err.name}: ${err.message}\n${frames}`;
  return err;
}

/** The matchers of `expect(actual)` (and of .not/.resolves/.rejects), failing with `message`. */
function labelled<M extends object>(matchers: M, message: string): M {
  return new Proxy(matchers, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') {
        return value !== null && typeof value === 'object' ? labelled(value, message) : value;
      }
      const matcher = (...args: unknown[]) => {
        const site = new Error();
        Error.captureStackTrace(site, matcher);
        try {
          const out = value.apply(target, args);
          return out instanceof Promise ? out.catch((err: unknown) => Promise.reject(relabel(err, message, site))) : out;
        } catch (err) {
          throw relabel(err, message, site);
        }
      };
      return matcher;
    },
  });
}

class PollTimeout extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `fn()`, or a PollTimeout if it has not settled by `deadline`. */
async function before<T>(fn: () => T | Promise<T>, deadline: number, timeout: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PollTimeout(`expect.poll: the callback did not answer within ${timeout} ms`)), Math.max(deadline - Date.now(), 0));
  });
  try {
    return await Promise.race([Promise.resolve().then(fn), late]);
  } finally {
    clearTimeout(timer);
  }
}

function poll<T>(fn: () => T | Promise<T>, options: PollOptions = {}): PollMatchers {
  const { timeout = 1000, interval = 50, message } = options;
  const run = async (name: string, args: unknown[], site: Error): Promise<void> => {
    const deadline = Date.now() + timeout;
    let failure: unknown;
    for (;;) {
      try {
        const value = await before(fn, deadline, timeout);
        (jestExpect(value) as unknown as Record<string, (...a: unknown[]) => void>)[name]!(...args);
        return;
      } catch (err) {
        // A callback still running at the deadline ends the wait with the last real failure.
        if (err instanceof PollTimeout) throw relabel(failure ?? err, message, site);
        failure = err;
      }
      if (Date.now() + interval >= deadline) throw relabel(failure, message, site);
      await sleep(interval);
    }
  };
  return new Proxy({} as PollMatchers, {
    get: (_, name) => {
      const matcher = (...args: unknown[]) => {
        const site = new Error();
        Error.captureStackTrace(site, matcher);
        return run(String(name), args, site);
      };
      return matcher;
    },
  });
}

type Expect = typeof jestExpect & {
  <T = unknown>(actual: T, message?: string): Matchers<T>;
  poll: typeof poll;
};

export const expect: Expect = Object.assign(
  <T>(actual: T, message?: string): Matchers<T> =>
    message === undefined ? jestExpect(actual) : labelled(jestExpect(actual), message),
  jestExpect,
  { poll },
) as Expect;
