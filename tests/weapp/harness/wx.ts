/**
 * The `wx` object of one simulated phone. Every call is recorded (`calls`), answers follow
 * WeChat's conventions (success/fail/complete callbacks, or a Promise without them; `errMsg`
 * "name:ok" / "name:fail …"), and a Proxy records any API the bundle reaches for that this stub
 * lacks (`missing`), so a test fails instead of the app silently getting `undefined`.
 *
 * What the user would decide (allow location, agree to the privacy guide, confirm a modal, pick
 * a photo) is the phone's `Device` state; what the platform does (navigation, the cloud) goes to
 * the `WxHost` — the phone that owns this stub.
 */

export interface WxCall {
  api: string;
  args: unknown;
}

/** A `fail` answer: WeChat's errMsg after "name:fail " and its errno. */
export class WxFail extends Error {
  constructor(message: string, readonly errno?: number) {
    super(message);
  }
}

export interface Device {
  storage: Map<string, string>;
  /** What the user answers WeChat's location dialog; `null` = not asked yet this run. */
  location: { answer: 'allow' | 'deny'; decided: 'allow' | 'deny' | null; latitude: number; longitude: number };
  /** Whether the user has agreed to the app's privacy guide (WeChat remembers it per user). */
  privacyAgreed: boolean;
  /** Photos the album offers: temp paths the harness maps to real files. */
  album: string[];
  /** Answers for `showModal` (true = 确定), used in order; default 确定. */
  modalAnswers: boolean[];
  /** What the user answers WeChat's subscribe-message dialog, for every template in it. */
  subscribeAnswer: 'accept' | 'reject';
  /** Answers for `showActionSheet` (tapIndex), used in order. */
  actionSheetAnswers: number[];
  clipboard: string | null;
  /** What the camera reads for `scanCode`, used in order; none left = the user cancels. */
  scanResults: string[];
  /** Files the app wrote with the file system manager, by path (base64 or utf8 as written). */
  files: Map<string, { data: string; encoding: string }>;
}

export function newDevice(): Device {
  return {
    storage: new Map(),
    location: { answer: 'allow', decided: null, latitude: 30.2741, longitude: 120.1551 },
    privacyAgreed: false,
    album: [],
    modalAnswers: [],
    actionSheetAnswers: [],
    subscribeAnswer: 'accept',
    clipboard: null,
    scanResults: [],
    files: new Map(),
  };
}

export interface WxHost {
  navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): Promise<void>;
  navigateBack(delta: number): Promise<void>;
  /** `wx.onNeedPrivacyAuthorization`: the listener the app registered, if any. */
  privacyListener: ((resolve: (r: { event: 'agree' | 'disagree'; buttonId?: string }) => void, info: { referrer: string }) => void) | null;
  cloud: {
    init(options: Record<string, unknown>): void;
    callFunction(name: string, data: unknown): Promise<{ result: unknown; requestID: string }>;
    uploadFile(cloudPath: string, filePath: string): Promise<{ fileID: string }>;
  };
  /** Keeps the harness waiting until the answer is delivered. */
  track<T>(p: Promise<T>): Promise<T>;
  /** Inside a tracked call: the app waits for the user here (a sheet is open), so the phone is idle. */
  userWait<T>(p: Promise<T>): Promise<T>;
  toSandbox<T>(value: T): T;
  /** An exception thrown by the app inside one of its callbacks (WeChat reports it to onError). */
  appError(err: unknown): void;
  canvasNode(selector: string): unknown;
  /** True while a tap's handlers run: WeChat lets some APIs start only from a tap. */
  readonly inTap: boolean;
}

/** WeChat's privacy-guarded APIs this app uses: with `__usePrivacyCheck__` they wait for consent. */
const PRIVACY_APIS = new Set(['getLocation', 'chooseImage', 'chooseMedia', 'setClipboardData', 'getClipboardData', 'scanCode']);

const WINDOW = { pixelRatio: 2, screenWidth: 375, screenHeight: 812, windowWidth: 375, windowHeight: 724, statusBarHeight: 44, safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 } };
const DEVICE = { brand: 'iPhone', model: 'iPhone 13', system: 'iOS 17.0', platform: 'ios' };
const APP_BASE = { SDKVersion: '3.7.0', language: 'zh_CN', version: '8.0.50', theme: 'light', enableDebug: false };

type Args = Record<string, unknown> & { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void };

export function createWx(device: Device, host: WxHost) {
  const calls: WxCall[] = [];
  const missing = new Set<string>();
  const record = (api: string, args: unknown) => {
    let copy: unknown;
    try {
      copy = args === undefined ? undefined : JSON.parse(JSON.stringify(args));
    } catch {
      copy = String(args);
    }
    calls.push({ api, args: copy });
  };

  /** An asynchronous API: callbacks when given, otherwise a Promise, as WeChat's base library ≥ 2.10. */
  const asyncApi = (name: string, impl: (args: Args) => unknown) => (args: Args = {}) => {
    record(name, args);
    const { success, fail, complete } = args;
    const answer = host.track(
      (async () => {
        if (PRIVACY_APIS.has(name)) await privacyGate(name);
        return impl(args);
      })().then(
        (res) => ({ ok: true as const, res: { ...(res as object), errMsg: `${name}:ok` } }),
        (err) => ({
          ok: false as const,
          res: { errMsg: `${name}:fail ${err instanceof Error ? err.message : String(err)}`, ...(err instanceof WxFail && err.errno != null ? { errno: err.errno } : {}) },
        }),
      ),
    );
    if (success || fail || complete) {
      void answer.then(({ ok, res }) => {
        try {
          const value = host.toSandbox(res);
          if (ok) success?.(value);
          else fail?.(value);
          complete?.(value);
        } catch (err) {
          host.appError(err);
        }
      });
      return undefined;
    }
    return answer.then(({ ok, res }) => (ok ? host.toSandbox(res) : Promise.reject(host.toSandbox(res))));
  };
  const syncApi = <T>(name: string, impl: (...a: never[]) => T) => (...a: never[]) => {
    record(name, a.length > 1 ? a : a[0]);
    return host.toSandbox(impl(...a));
  };

  /**
   * WeChat with `__usePrivacyCheck__`: a guarded API first asks the app's
   * onNeedPrivacyAuthorization listener; the app shows its consent sheet and resolves with the
   * user's choice. An app that registered no listener gets a failure here — the harness plays a
   * platform that does not cover for the app.
   */
  async function privacyGate(api: string): Promise<void> {
    if (device.privacyAgreed) return;
    const listener = host.privacyListener;
    if (!listener) throw new WxFail('privacy permission is not authorized', 104);
    const choice = await host.userWait(new Promise<{ event: string }>((resolve) => {
      try {
        listener((r) => resolve(r ?? { event: 'disagree' }), host.toSandbox({ referrer: api }));
      } catch (err) {
        host.appError(err);
        resolve({ event: 'disagree' });
      }
    }));
    if (choice.event === 'agree' && device.privacyAgreed) return;
    throw new WxFail('privacy permission is not authorized', 104);
  }

  const tempFiles = new Map<string, string>();
  const navigate = (kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch') => asyncApi(kind, (a) => host.navigate(kind, String(a.url ?? '')).then(() => ({})));

  const api: Record<string, unknown> = {
    // Owned by the bundle: webpack keeps its chunk list on `wx`.
    webpackJsonp: undefined,
    env: { USER_DATA_PATH: 'wxfile://usr' },
    // Identity of the platform.
    getWindowInfo: syncApi('getWindowInfo', () => WINDOW),
    getDeviceInfo: syncApi('getDeviceInfo', () => DEVICE),
    getAppBaseInfo: syncApi('getAppBaseInfo', () => APP_BASE),
    getSystemInfoSync: syncApi('getSystemInfoSync', () => ({ ...WINDOW, ...DEVICE, ...APP_BASE })),
    getSystemInfo: asyncApi('getSystemInfo', () => ({ ...WINDOW, ...DEVICE, ...APP_BASE })),
    getMenuButtonBoundingClientRect: syncApi('getMenuButtonBoundingClientRect', () => ({ width: 87, height: 32, top: 48, right: 368, bottom: 80, left: 281 })),
    getLaunchOptionsSync: syncApi('getLaunchOptionsSync', () => ({ path: 'pages/index/index', query: {}, scene: 1001 })),
    getEnterOptionsSync: syncApi('getEnterOptionsSync', () => ({ path: 'pages/index/index', query: {}, scene: 1001 })),
    canIUse: syncApi('canIUse', () => true),
    nextTick: (fn: () => void) => {
      void host.track(Promise.resolve()).then(() => {
        try {
          fn();
        } catch (err) {
          host.appError(err);
        }
      });
    },
    onAppShow: syncApi('onAppShow', () => undefined),
    onAppHide: syncApi('onAppHide', () => undefined),
    offAppShow: syncApi('offAppShow', () => undefined),
    offAppHide: syncApi('offAppHide', () => undefined),
    onError: syncApi('onError', () => undefined),
    onUnhandledRejection: syncApi('onUnhandledRejection', () => undefined),
    onPageNotFound: syncApi('onPageNotFound', () => undefined),
    onThemeChange: syncApi('onThemeChange', () => undefined),
    onWindowResize: syncApi('onWindowResize', () => undefined),
    offWindowResize: syncApi('offWindowResize', () => undefined),
    onMemoryWarning: syncApi('onMemoryWarning', () => undefined),

    // Storage: the phone's own, kept across a restart of the app.
    getStorageSync: syncApi('getStorageSync', (key: never) => {
      const v = device.storage.get(key);
      return v === undefined ? '' : JSON.parse(v);
    }),
    setStorageSync: syncApi('setStorageSync', (key: never, value: never) => {
      device.storage.set(key, JSON.stringify(value));
    }),
    removeStorageSync: syncApi('removeStorageSync', (key: never) => {
      device.storage.delete(key);
    }),
    getStorage: asyncApi('getStorage', (a) => {
      const v = device.storage.get(String(a.key));
      if (v === undefined) throw new WxFail('data not found');
      return { data: JSON.parse(v) };
    }),
    setStorage: asyncApi('setStorage', (a) => {
      device.storage.set(String(a.key), JSON.stringify(a.data));
      return {};
    }),
    removeStorage: asyncApi('removeStorage', (a) => {
      device.storage.delete(String(a.key));
      return {};
    }),

    // Navigation and the window.
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    navigateBack: asyncApi('navigateBack', (a) => host.navigateBack(Number(a.delta ?? 1)).then(() => ({}))),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', () => ({})),
    setNavigationBarColor: asyncApi('setNavigationBarColor', () => ({})),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', () => ({})),
    startPullDownRefresh: asyncApi('startPullDownRefresh', () => ({})),
    pageScrollTo: asyncApi('pageScrollTo', () => ({})),
    setTabBarBadge: asyncApi('setTabBarBadge', () => ({})),
    removeTabBarBadge: asyncApi('removeTabBarBadge', () => ({})),
    showTabBar: asyncApi('showTabBar', () => ({})),
    hideTabBar: asyncApi('hideTabBar', () => ({})),

    // Feedback.
    showToast: asyncApi('showToast', () => ({})),
    hideToast: asyncApi('hideToast', () => ({})),
    showLoading: asyncApi('showLoading', () => ({})),
    hideLoading: asyncApi('hideLoading', () => ({})),
    showModal: asyncApi('showModal', () => {
      const confirm = device.modalAnswers.length ? device.modalAnswers.shift()! : true;
      return { confirm, cancel: !confirm };
    }),
    showActionSheet: asyncApi('showActionSheet', () => {
      if (!device.actionSheetAnswers.length) throw new WxFail('cancel');
      return { tapIndex: device.actionSheetAnswers.shift()! };
    }),
    vibrateShort: asyncApi('vibrateShort', () => ({})),

    // Privacy: the consent flow of WeChat's privacy guide.
    onNeedPrivacyAuthorization: syncApi('onNeedPrivacyAuthorization', (listener: never) => {
      host.privacyListener = listener;
    }),
    getPrivacySetting: asyncApi('getPrivacySetting', () => ({ needAuthorization: !device.privacyAgreed, privacyContractName: '《劳模工匠点单小程序隐私保护指引》' })),
    openPrivacyContract: asyncApi('openPrivacyContract', () => ({})),
    requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', () => privacyGate('requirePrivacyAuthorize').then(() => ({}))),

    // Devices and files.
    getLocation: asyncApi('getLocation', () => {
      const loc = device.location;
      if (loc.decided === null) loc.decided = loc.answer; // WeChat's 允许/拒绝 dialog, once
      if (loc.decided === 'deny') throw new WxFail('auth deny');
      return { latitude: loc.latitude, longitude: loc.longitude, accuracy: 30, speed: 0, altitude: 0 };
    }),
    getSetting: asyncApi('getSetting', () => ({
      authSetting: device.location.decided ? { 'scope.userLocation': device.location.decided === 'allow' } : {},
    })),
    openSetting: asyncApi('openSetting', () => {
      // The user flips location on in the settings page.
      device.location.decided = 'allow';
      return { authSetting: { 'scope.userLocation': true } };
    }),
    authorize: asyncApi('authorize', (a) => {
      if (a.scope === 'scope.userLocation') {
        if (device.location.decided === null) device.location.decided = device.location.answer;
        if (device.location.decided === 'deny') throw new WxFail('auth deny');
      }
      return {};
    }),
    chooseImage: asyncApi('chooseImage', (a) => {
      if (!device.album.length) throw new WxFail('cancel');
      const picked = device.album.slice(0, Number(a.count ?? 9));
      return { tempFilePaths: picked, tempFiles: picked.map((p) => ({ path: p, size: 1000 })) };
    }),
    chooseMedia: asyncApi('chooseMedia', (a) => {
      if (!device.album.length) throw new WxFail('cancel');
      const picked = device.album.slice(0, Number(a.count ?? 9));
      return { type: 'image', tempFiles: picked.map((p) => ({ tempFilePath: p, size: 1000, fileType: 'image' })) };
    }),
    previewImage: asyncApi('previewImage', () => ({})),
    makePhoneCall: asyncApi('makePhoneCall', () => ({})),
    setClipboardData: asyncApi('setClipboardData', (a) => {
      device.clipboard = String(a.data ?? '');
      return {};
    }),
    openDocument: asyncApi('openDocument', (a) => {
      if (!device.files.has(String(a.filePath))) throw new WxFail('file not exist');
      return {};
    }),
    scanCode: asyncApi('scanCode', () => {
      if (!device.scanResults.length) throw new WxFail('cancel');
      return { result: device.scanResults.shift()!, scanType: 'QR_CODE', charSet: 'utf-8' };
    }),
    shareFileMessage: asyncApi('shareFileMessage', () => ({})),
    requestSubscribeMessage: (() => {
      const ask = asyncApi('requestSubscribeMessage', (a) => {
        if (a.fromTap !== true) throw new WxFail('can only be invoked by user TAP gesture.', 20004);
        const ids = (a.tmplIds as string[]) ?? [];
        if (!ids.length || ids.length > 3) throw new WxFail('invalid tmplIds', 20001);
        return Object.fromEntries(ids.map((id) => [id, device.subscribeAnswer]));
      });
      // Whether a tap started it is decided when it is called, not when it is answered.
      return (args: Args = {}) => ask({ ...args, fromTap: host.inTap });
    })(),

    cloud: {
      init: (options: Record<string, unknown>) => {
        record('cloud.init', options);
        host.cloud.init(options ?? {});
      },
      callFunction: asyncApi('cloud.callFunction', (a) => host.cloud.callFunction(String(a.name), a.data)),
      uploadFile: asyncApi('cloud.uploadFile', (a) => host.cloud.uploadFile(String(a.cloudPath), String(a.filePath))),
    },
  };
  // The user data directory (wx.env.USER_DATA_PATH): what the app writes there, kept per phone.
  api.getFileSystemManager = () => {
    record('getFileSystemManager', undefined);
    return {
      writeFile: (a: Args) => {
        record('fs.writeFile', { filePath: a.filePath, encoding: a.encoding, bytes: String(a.data ?? '').length });
        void host.track(Promise.resolve()).then(() => {
          try {
            const path = String(a.filePath ?? '');
            if (!path.startsWith('wxfile://usr/')) {
              const res = host.toSandbox({ errMsg: 'writeFile:fail permission denied' });
              a.fail?.(res);
              a.complete?.(res);
              return;
            }
            device.files.set(path, { data: String(a.data ?? ''), encoding: String(a.encoding ?? 'utf8') });
            const res = host.toSandbox({ errMsg: 'writeFile:ok' });
            a.success?.(res);
            a.complete?.(res);
          } catch (err) {
            host.appError(err);
          }
        });
      },
    };
  };
  // A selector query answers rects of a 375 px phone; canvas nodes are the harness's stand-ins.
  api.createSelectorQuery = () => {
    record('createSelectorQuery', undefined);
    return selectorQuery(host);
  };

  const wx = new Proxy(api, {
    get(target, key) {
      if (typeof key === 'symbol' || key in target) return Reflect.get(target, key);
      missing.add(key);
      return undefined;
    },
  });
  return { wx, calls, missing, tempFiles };
}

/** `wx.createSelectorQuery()` far enough for layout reads and `fields({node})` of a 2D canvas. */
function selectorQuery(host: WxHost) {
  const queue: { selector: string; kind: 'rect' | 'fields'; all: boolean }[] = [];
  let current: { selector: string; all: boolean } | null = null;
  const rect = { left: 0, top: 0, right: 375, bottom: 40, width: 375, height: 40 };
  const q = {
    in: () => q,
    select: (selector: string) => ((current = { selector, all: false }), nodesRef),
    selectAll: (selector: string) => ((current = { selector, all: true }), nodesRef),
    selectViewport: () => ((current = { selector: 'viewport', all: false }), nodesRef),
    exec: (cb?: (res: unknown[]) => void) => {
      const res = queue.map(({ selector, kind, all }) => {
        const one = kind === 'fields' ? { ...rect, node: host.canvasNode(selector), id: selector } : { ...rect, id: selector };
        return all ? [one] : one;
      });
      void host.track(Promise.resolve()).then(() => {
        try {
          cb?.(res);
        } catch (err) {
          host.appError(err);
        }
      });
    },
  };
  const nodesRef = {
    boundingClientRect: (cb?: unknown) => (void cb, queue.push({ ...current!, kind: 'rect' }), q),
    scrollOffset: () => (queue.push({ ...current!, kind: 'rect' }), q),
    fields: (f: { node?: boolean }) => (queue.push({ ...current!, kind: f?.node ? 'fields' : 'rect' }), q),
    node: () => (queue.push({ ...current!, kind: 'fields' }), q),
  };
  return q;
}
