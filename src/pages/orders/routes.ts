/**
 * Pages of the order area (the 订单 tab and the `packages/order` subpackage). Kept beside the tab
 * rather than in utils/routes.ts so the menu and order areas can grow without editing one file.
 */
const q = (params: Record<string, string | undefined | null>): string => {
  const parts = Object.entries(params)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

export interface BookParams {
  topicId?: string;
  serviceId?: string;
  volunteerId?: string;
  /** With only a volunteerId: book a lecture (pick a topic) or a service (pick a service). */
  kind?: 'lecture' | 'service';
}

export const orderRoutes = {
  book: (p: BookParams) => `/packages/order/book/index${q({ ...p })}`,
  need: () => '/packages/order/need/index',
  detail: (id: string) => `/packages/order/detail/index${q({ id })}`,
  inbox: () => '/packages/order/inbox/index',
  /** The volunteer's side of an order (the task subpackage). */
  task: (id: string) => `/packages/task/detail/index${q({ id })}`,
};
