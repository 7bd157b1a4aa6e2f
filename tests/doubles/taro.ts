/**
 * Test double for `@tarojs/taro` (mapped in jest.config.js for the unit-client project).
 * Navigation and UI calls are jest.fn; storage is an in-memory Map; page hooks run through useEffect;
 * `useRouter` returns params set with `setRouterParams`; `triggerPageEvent` fires the callbacks a
 * page registered with useReachBottom / usePullDownRefresh / useDidShow.
 */
import { useEffect, useRef } from 'react';
import { jest } from '@jest/globals';

// ---- storage --------------------------------------------------------------------------------

export const storage = new Map<string, unknown>();

const getStorageSync = jest.fn((key: string): unknown => (storage.has(key) ? storage.get(key) : ''));
const setStorageSync = jest.fn((key: string, value: unknown): void => {
  storage.set(key, value);
});
const removeStorageSync = jest.fn((key: string): void => {
  storage.delete(key);
});
const clearStorageSync = jest.fn((): void => storage.clear());

// ---- router and page events -----------------------------------------------------------------

let routerParams: Record<string, string | undefined> = {};
export function setRouterParams(params: Record<string, string | undefined>): void {
  routerParams = params;
}

type PageEvent = 'reachBottom' | 'pullDownRefresh' | 'didShow';
const listeners: Record<PageEvent, Set<() => void>> = {
  reachBottom: new Set(),
  pullDownRefresh: new Set(),
  didShow: new Set(),
};

/** Fires a page event as the framework would (e.g. scrolling to the bottom). */
export function triggerPageEvent(event: PageEvent): void {
  for (const fn of [...listeners[event]]) fn();
}

function usePageEvent(event: PageEvent, callback: () => void, runOnMount: boolean): void {
  const ref = useRef(callback);
  ref.current = callback;
  useEffect(() => {
    const fn = () => ref.current();
    listeners[event].add(fn);
    if (runOnMount) fn();
    return () => {
      listeners[event].delete(fn);
    };
  }, [event, runOnMount]);
}

export function useLoad(callback: (params: Record<string, string | undefined>) => void): void {
  const ref = useRef(callback);
  ref.current = callback;
  useEffect(() => ref.current(routerParams), []);
}
export function useReady(callback: () => void): void {
  const ref = useRef(callback);
  ref.current = callback;
  useEffect(() => ref.current(), []);
}
export const useLaunch = useReady;
export const useDidShow = (callback: () => void): void => usePageEvent('didShow', callback, true);
export const useDidHide = (_callback: () => void): void => undefined;
export const useReachBottom = (callback: () => void): void => usePageEvent('reachBottom', callback, false);
export const usePullDownRefresh = (callback: () => void): void =>
  usePageEvent('pullDownRefresh', callback, false);
export const useShareAppMessage = (_callback: () => unknown): void => undefined;
export function useRouter(): { params: Record<string, string | undefined>; path: string } {
  return { params: routerParams, path: '' };
}

// ---- APIs -----------------------------------------------------------------------------------

const ok = () => Promise.resolve({ errMsg: 'ok' });

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT' } as const;
export const getEnv = jest.fn(() => ENV_TYPE.WEB);
export const createSelectorQuery = jest.fn(() => {
  const query = {
    select: () => query,
    selectAll: () => query,
    selectViewport: () => query,
    boundingClientRect: () => query,
    scrollOffset: () => query,
    fields: () => query,
    exec: (cb?: (res: unknown[]) => void) => cb?.([]),
  };
  return query;
});
export const nextTick = (fn: () => void): void => {
  setTimeout(fn, 0);
};
export const eventCenter = { on: jest.fn(), off: jest.fn(), trigger: jest.fn() };
export const getCurrentInstance = jest.fn(() => ({ router: { params: routerParams, path: '' }, page: null }));

const windowInfo = () => ({ windowWidth: 375, windowHeight: 812, screenWidth: 375, screenHeight: 812, pixelRatio: 2 });

const Taro = {
  ENV_TYPE,
  getEnv,
  navigateTo: jest.fn(ok),
  redirectTo: jest.fn(ok),
  switchTab: jest.fn(ok),
  reLaunch: jest.fn(ok),
  navigateBack: jest.fn(ok),
  showToast: jest.fn(ok),
  hideToast: jest.fn(ok),
  showLoading: jest.fn(ok),
  hideLoading: jest.fn(ok),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false, errMsg: 'ok' })),
  stopPullDownRefresh: jest.fn(ok),
  pageScrollTo: jest.fn(ok),
  setNavigationBarTitle: jest.fn(ok),
  makePhoneCall: jest.fn(ok),
  request: jest.fn(() => Promise.reject(new Error('Taro.request is not stubbed in this test'))),
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(() => Promise.reject(new Error('Taro.cloud.callFunction is not stubbed in this test'))),
  },
  getSystemInfoSync: jest.fn(windowInfo),
  getWindowInfo: jest.fn(windowInfo),
  getDeviceInfo: jest.fn(() => ({ platform: 'devtools', system: 'test' })),
  getAppBaseInfo: jest.fn(() => ({ theme: 'light', language: 'zh_CN' })),
  pxTransform: (n: number) => `${n / 2}px`,
  createSelectorQuery,
  nextTick,
  eventCenter,
  getCurrentInstance,
  useLoad,
  useReady,
  useLaunch,
  useDidShow,
  useDidHide,
  useReachBottom,
  usePullDownRefresh,
  useShareAppMessage,
  useRouter,
};

export const { navigateTo, redirectTo, switchTab, reLaunch, navigateBack, showToast, showModal, request, cloud } = Taro;

/** Clears storage, router params, page listeners and every mock's calls (call in beforeEach). */
export function resetTaroDouble(): void {
  storage.clear();
  routerParams = {};
  for (const set of Object.values(listeners)) set.clear();
  jest.clearAllMocks();
}

export default Taro;
