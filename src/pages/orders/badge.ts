import Taro from '@tarojs/taro';
import { create } from 'zustand';
import { call } from '@/services/api';
import { useStore } from '@/stores';

/** Index of the 订单 tab in app.config.ts tabBar.list. */
const ORDERS_TAB = 1;

interface UnreadState {
  /** Unread inbox messages; null until first known. */
  unread: number | null;
}

/** The unread count, shared by the 订单 tab header, the inbox page and the tab bar badge. */
export const useUnread = create<UnreadState>(() => ({ unread: null }));

/**
 * Shows the count on the 订单 tab. Tab bar APIs fail on some pages and platforms (h5 outside a tab
 * page, a page without a tab bar); a badge is not worth an error, so failures are dropped.
 */
function paintBadge(n: number): void {
  try {
    const p =
      n > 0
        ? Taro.setTabBarBadge?.({ index: ORDERS_TAB, text: n > 99 ? '99+' : String(n) })
        : Taro.removeTabBarBadge?.({ index: ORDERS_TAB });
    void Promise.resolve(p).catch(() => undefined);
  } catch {
    // not a tab page, or no tab bar on this platform
  }
}

/** Sets the known count (e.g. from an inbox answer) and repaints the badge. */
export function setUnread(n: number): void {
  useUnread.setState({ unread: n });
  paintBadge(n);
}

/** Asks the server for the unread count; signed out means 0. Never throws. */
export async function refreshUnread(): Promise<number | null> {
  if (useStore.getState().user == null) {
    setUnread(0);
    return 0;
  }
  try {
    const page = await call('inbox', 'list', { unreadOnly: true, pageSize: 1 });
    setUnread(page.unread);
    return page.unread;
  } catch {
    return useUnread.getState().unread;
  }
}
