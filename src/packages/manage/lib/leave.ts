import Taro from '@tarojs/taro';

/** Back to the list after a save; a page opened directly (no history) goes to `fallback`. */
export function leaveTo(fallback: string): void {
  const pages = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : [];
  if (pages.length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: fallback });
}
