import Taro from '@tarojs/taro';
import type { FieldErrors } from '@cloud/contract';

/** The message for a field: its own key, or the first of its items (`volunteerIds.2` → volunteerIds). */
export function fieldError(errors: FieldErrors, name: string): string | undefined {
  if (errors[name]) return errors[name];
  return Object.entries(errors).find(([k]) => k.startsWith(`${name}.`))?.[1];
}

/** The errors without a field (and its items), once the user edits it. */
export function withoutField(errors: FieldErrors, name: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) if (k !== name && !k.startsWith(`${name}.`)) out[k] = v;
  return out;
}

/** The DOM id of a field, for scrolling to it. */
export const fieldAnchor = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** Brings one field into view (below the navigation bar). */
export function scrollToField(name: string): void {
  void Promise.resolve(Taro.pageScrollTo({ selector: `#${fieldAnchor(name)}`, offsetTop: -60, duration: 200 })).catch(() => undefined);
}

/**
 * After a failed check or save: bring the first field with a message into view, or the banner at
 * the top when the message is not about one field. Runs after the render that shows the messages.
 */
export function revealErrors(hasFieldErrors: boolean): void {
  setTimeout(() => {
    const scroll = hasFieldErrors
      ? Taro.pageScrollTo({ selector: '.form-field--error', offsetTop: -60, duration: 200 })
      : Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
    void Promise.resolve(scroll).catch(() => undefined);
  }, 60);
}
