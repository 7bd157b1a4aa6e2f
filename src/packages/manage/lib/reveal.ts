import Taro from '@tarojs/taro';

/**
 * After a failed save: bring the first field with a message into view, or the banner at the top
 * when the message is not about one field. Runs after the render that shows the messages.
 */
export function revealErrors(hasFieldErrors: boolean): void {
  setTimeout(() => {
    const scroll = hasFieldErrors
      ? Taro.pageScrollTo({ selector: '.mg-field--error', offsetTop: -60, duration: 200 })
      : Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
    void Promise.resolve(scroll).catch(() => undefined);
  }, 60);
}
