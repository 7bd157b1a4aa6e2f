import type { ActionMap } from './router';
import { authActions } from './auth';
import { catalogActions } from './catalog';

/** Every cloud function by name. Each is also bundled alone for CloudBase. */
export const FUNCTIONS: Record<string, ActionMap> = {
  auth: authActions,
  catalog: catalogActions,
};
