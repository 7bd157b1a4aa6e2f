import Taro from '@tarojs/taro';
import type { SubscribeKind, Subscriptions } from '@cloud/contract';
import { fetchSubscriptions, recordSubscriptions } from './notifications';

/**
 * Asking for WeChat subscribe messages (订阅消息) at the moments a person expects them: right after
 * submitting an order, when a volunteer accepts one or turns on new-order alerts in 任务.
 *
 * WeChat shows its dialog only when `requestSubscribeMessage` is called by a tap, synchronously:
 * after an `await` the tap no longer counts. So the template ids are loaded beforehand
 * (`prepareSubscribe` when the page shows: a read, never a prompt) and `askToSubscribe` is the
 * first thing a tap handler does. Anything that fails here is silent: the in-app inbox always has
 * the message.
 */

/** After submitting an order: whether it was taken, the reminder before it, the ask to rate. */
export const REQUESTER_KINDS: SubscribeKind[] = ['orderResult', 'reminder', 'rateRequest'];
/** A volunteer accepting or grabbing: the next new order, the reminder before this one. */
export const VOLUNTEER_KINDS: SubscribeKind[] = ['newOrder', 'reminder'];

let known: Subscriptions | null = null;
let loading: Promise<void> | null = null;

/** Loads the template ids the server configured (once per app run; weapp only). */
export function prepareSubscribe(): void {
  if (process.env.TARO_ENV !== 'weapp' || known || loading) return;
  loading = fetchSubscriptions()
    .then((s) => {
      known = s;
    })
    .catch(() => undefined)
    .finally(() => {
      loading = null;
    });
}

/** The kinds worth asking for now: configured, in the order given, at most WeChat's limit per ask. */
export function kindsToAsk(subs: Subscriptions | null, wanted: SubscribeKind[]): { kind: SubscribeKind; templateId: string }[] {
  if (!subs) return [];
  const out: { kind: SubscribeKind; templateId: string }[] = [];
  for (const kind of wanted) {
    const state = subs.kinds.find((k) => k.kind === kind);
    if (state?.templateId) out.push({ kind, templateId: state.templateId });
  }
  return out.slice(0, subs.maxPerRequest);
}

/** Call first thing in a tap handler. Records each acceptance as one send credit on the server. */
export function askToSubscribe(wanted: SubscribeKind[]): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  const ask = kindsToAsk(known, wanted);
  if (!ask.length) return;
  Taro.requestSubscribeMessage({
    tmplIds: ask.map((a) => a.templateId),
    // Types require these; the answers are handled in `then` below.
    entityIds: [],
    success: (res: Record<string, unknown>) => {
      const kinds = ask.map((a) => ({ kind: a.kind, accepted: res[a.templateId] === 'accept' }));
      void recordSubscriptions(kinds)
        .then((s) => {
          known = s;
        })
        .catch(() => undefined);
    },
    fail: () => undefined,
  } as unknown as Parameters<typeof Taro.requestSubscribeMessage>[0]);
}

/** For tests: forget what was loaded. */
export function resetSubscribeCache(): void {
  known = null;
  loading = null;
}
