import Taro from '@tarojs/taro';

/**
 * WeChat's privacy authorization (`__usePrivacyCheck__` in app.json). The first time the app calls
 * a guarded API (location at check-in, the album for photos, the clipboard), WeChat asks our
 * `onNeedPrivacyAuthorization` listener; we show the consent sheet (PrivacySheet) and pass the
 * user's choice back through `resolve`. The API then goes on, or fails after a refusal — every
 * caller has a way on without it (check-in without location, a form without photos).
 */

type Choice = { event: 'agree'; buttonId: string } | { event: 'disagree' };
type Resolve = (choice: Choice) => void;

let pending: Resolve | null = null;
const watchers = new Set<() => void>();
const notify = () => watchers.forEach((w) => w());

/** Registered once at launch (weapp only). */
export function installPrivacyHandler(): void {
  if (process.env.TARO_ENV !== 'weapp') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    // A second ask while the sheet is open answers the first one too: one sheet, one choice.
    const previous = pending;
    pending = (choice) => {
      previous?.(choice);
      (resolve as unknown as Resolve)(choice);
    };
    notify();
  });
}

export function isConsentPending(): boolean {
  return pending !== null;
}

export function watchConsent(fn: () => void): () => void {
  watchers.add(fn);
  return () => watchers.delete(fn);
}

/** The sheet's 同意 button (`openType="agreePrivacyAuthorization"`) was tapped. */
export function agreeToPrivacy(buttonId: string): void {
  const resolve = pending;
  pending = null;
  resolve?.({ event: 'agree', buttonId });
  notify();
}

export function refusePrivacy(): void {
  const resolve = pending;
  pending = null;
  resolve?.({ event: 'disagree' });
  notify();
}

/** WeChat's own page with the app's privacy guide (《小程序隐私保护指引》). */
export function openPrivacyGuide(): void {
  if (process.env.TARO_ENV === 'weapp') Taro.openPrivacyContract({ fail: () => undefined });
}

/**
 * Asks for consent up front where a guarded API is about to run under a time limit (check-in's
 * location): true when the user has agreed (now or before), false after a refusal. Off weapp there
 * is nothing to agree to.
 */
export function ensurePrivacyConsent(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(true);
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}
