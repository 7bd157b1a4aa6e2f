import type { ActionMap } from './router';
import { actions as admin } from './admin';
import { actions as auth } from './auth';
import { actions as catalog } from './catalog';
import { actions as inbox } from './inbox';
import { actions as order } from './order';
import { actions as task } from './task';

/**
 * Every cloud function by name. Each folder `functions/<name>/index.ts` exports its `actions`;
 * `npm run build:cloud` bundles each one alone for CloudBase.
 */
export const FUNCTIONS: Record<string, ActionMap> = { auth, catalog, order, task, inbox, admin };
