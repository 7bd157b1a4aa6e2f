import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvasNode } from './canvas';
import type { CloudStandIn } from './cloud';
import { Sandbox } from './sandbox';
import { loadTemplates, type Templates } from './templates';
import { attrOf, classesOf, elementOf, renderTree, textOf, walk, type MissingTemplate, type RenderedNode } from './tree';
import { createWx, newDevice, WxFail, type Device, type WxHost } from './wx';

/**
 * One phone with the mini-program open, as one WeChat user (an OPENID). It loads the built
 * bundle (`dist/weapp`) into a fresh logic layer, launches the app and its entry page, and plays
 * what WeChat does around it: the page stack and tab bar, `setData` into `page.data`, events from
 * taps and typing into the page's `eh` handler, the privacy consent flow, and the cloud.
 */

export const WEAPP_ROOT = path.resolve(__dirname, '../../../dist/weapp');

interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  tabBar?: { list: { pagePath: string }[] };
  __usePrivacyCheck__?: boolean;
}

type Config = Record<string, unknown>;

/** A page as WeChat instantiates it from what `Page({...})` received. */
export class PageInstance {
  data: Config;
  /** Each setData payload, with its size in bytes (WeChat refuses more than 1 MB). */
  readonly updates: { keys: number; bytes: number }[] = [];
  readonly route: string;
  readonly options: Record<string, string>;
  [key: string]: unknown;

  constructor(route: string, config: Config, options: Record<string, string>, private readonly phone: Phone) {
    this.route = route;
    this.__route__ = route;
    this.options = options;
    this.data = JSON.parse(JSON.stringify(config.data ?? {}));
    for (const [k, v] of Object.entries(config)) if (k !== 'data') this[k] = v;
  }

  setData(payload: Config, cb?: () => void): void {
    const json = JSON.stringify(payload);
    this.updates.push({ keys: Object.keys(payload).length, bytes: Buffer.byteLength(json) });
    if (Buffer.byteLength(json) > 1024 * 1024) this.phone.errors.push(`setData of ${json.length} bytes on ${this.route}: WeChat refuses more than 1024 KB`);
    const copy = JSON.parse(json) as Config;
    for (const [key, value] of Object.entries(copy)) setPath(this.data, key, value);
    if (cb) void this.phone.track(Promise.resolve()).then(() => this.phone.guard(cb));
  }

  selectComponent(): null {
    return null;
  }

  call(name: string, ...args: unknown[]): unknown {
    const fn = this[name];
    if (typeof fn !== 'function') return undefined;
    return this.phone.guard(() => (fn as (...a: unknown[]) => unknown).apply(this, args));
  }
}

/** WeChat's setData path syntax: `root.cn.[0].cn.[2].v` or `list[1].name`. */
function setPath(target: Config, key: string, value: unknown): void {
  const parts = key.match(/\[\d+\]|[^.[\]]+/g) ?? [key];
  let obj: Record<string | number, unknown> = target;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const k: string | number = part.startsWith('[') ? Number(part.slice(1, -1)) : part;
    if (i === parts.length - 1) {
      obj[k] = value;
      return;
    }
    const nextIsIndex = parts[i + 1]!.startsWith('[');
    if (obj[k] == null || typeof obj[k] !== 'object') obj[k] = nextIsIndex ? [] : {};
    obj = obj[k] as Record<string | number, unknown>;
  }
}

export interface PhoneOptions {
  openid: string;
  cloud: CloudStandIn;
  device?: Device;
  /** Where the app opens: `pages/index/index` (default) or a shared link's page with its query. */
  launch?: string;
}

let phoneCount = 0;

export class Phone {
  readonly device: Device;
  /** The WeChat user this phone is. */
  readonly openid: string;
  readonly sandbox: Sandbox;
  readonly calls: ReturnType<typeof createWx>['calls'];
  readonly missing: Set<string>;
  /** console.error lines and exceptions the app threw: a journey must end with none. */
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  readonly stack: PageInstance[] = [];
  readonly appJson: AppJson;
  readonly templates: Templates;
  readonly missingTemplates: (MissingTemplate & { route: string })[] = [];
  readonly canvases = new Map<string, ReturnType<typeof createCanvasNode>>();
  private readonly tabs = new Map<string, PageInstance>();
  private readonly registered = new Map<string, Config>();
  private app: Config | null = null;
  private inflight = 0;
  /** Set while the handlers of a tap run (synchronously, as in WeChat). */
  tapping = false;
  private cloudEnv: string | null = null;
  private readonly tempDir: string;
  private readonly host: WxHost;

  private constructor(options: PhoneOptions) {
    this.device = options.device ?? newDevice();
    this.openid = options.openid;
    this.tempDir = fs.mkdtempSync(path.join(os.tmpdir(), `weapp-phone-${++phoneCount}-`));
    this.appJson = JSON.parse(fs.readFileSync(path.join(WEAPP_ROOT, 'app.json'), 'utf8')) as AppJson;
    this.templates = loadTemplates(WEAPP_ROOT);
    const phone = this;
    this.host = {
      navigate: (kind, url) => this.navigate(kind, url),
      navigateBack: (delta) => this.back(delta),
      privacyListener: null,
      cloud: {
        init: (o) => {
          if (typeof o.env !== 'string' || !o.env) throw new Error('wx.cloud.init: no env given (the app must name its cloud environment)');
          this.cloudEnv = o.env;
        },
        callFunction: async (name, data) => {
          if (!this.cloudEnv) throw new WxFail('Cloud API isn\'t enabled, please call wx.cloud.init first', -601034);
          if (this.cloudEnv !== options.cloud.options.envId) throw new WxFail(`env ${this.cloudEnv} not found`, -501000);
          return options.cloud.call(options.openid, name, data);
        },
        uploadFile: async (cloudPath, filePath) => {
          if (!this.cloudEnv) throw new WxFail('Cloud API isn\'t enabled, please call wx.cloud.init first', -601034);
          const local = this.tempFile(filePath);
          return options.cloud.upload(cloudPath, local);
        },
      },
      get inTap() {
        return phone.tapping;
      },
      track: (p) => this.track(p),
      userWait: async (p) => {
        this.inflight--;
        try {
          return await p;
        } finally {
          this.inflight++;
        }
      },
      toSandbox: (v) => this.sandbox.toSandbox(v),
      appError: (err) => this.errors.push(`uncaught in app callback: ${describe(err)}`),
      canvasNode: (selector) => {
        const id = selector.replace(/^#/, '');
        let c = this.canvases.get(id);
        if (!c) this.canvases.set(id, (c = createCanvasNode()));
        return c.node;
      },
    };
    const { wx, calls, missing } = createWx(this.device, this.host);
    this.calls = calls;
    this.missing = missing;
    const cons = {
      log: () => undefined,
      info: () => undefined,
      debug: () => undefined,
      warn: (...a: unknown[]) => void phone.warnings.push(a.map(describe).join(' ')),
      error: (...a: unknown[]) => void phone.errors.push(a.map(describe).join(' ')),
    };
    this.sandbox = new Sandbox(WEAPP_ROOT, wx, {
      onApp: (config) => {
        this.app = config;
      },
      onPage: (route, config) => void this.registered.set(route, config),
      onComponent: () => undefined,
      getApp: () => this.app,
      getCurrentPages: () => [...this.stack],
      console: cons,
    });
  }

  /** Opens the mini-program as a fresh start (or a restart, with the same device). */
  static async launch(options: PhoneOptions): Promise<Phone> {
    const phone = new Phone(options);
    phone.sandbox.require('app.js');
    if (!phone.app) throw new Error('app.js did not call App()');
    const [route, query] = splitUrl(options.launch ?? phone.appJson.pages[0]!);
    const launchOptions = { path: route, query, scene: 1001, referrerInfo: {} };
    phone.callApp('onLaunch', launchOptions);
    phone.callApp('onShow', launchOptions);
    await phone.open(route, query);
    await phone.settle();
    return phone;
  }

  // ---- what the user sees -------------------------------------------------------------

  get page(): PageInstance {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error('no page is open');
    return top;
  }

  get route(): string {
    return this.page.route;
  }

  /** The rendered tree of the current page, checked against base.wxml's templates. */
  nodes(): RenderedNode[] {
    const { nodes, missing } = renderTree(this.page.data.root as never, this.templates);
    for (const m of missing) {
      if (!this.missingTemplates.some((x) => x.nn === m.nn && x.route === this.route)) this.missingTemplates.push({ ...m, route: this.route });
    }
    return nodes;
  }

  /** Everything a user can read on the current page, in order. */
  text(): string {
    return this.nodes().map(textOf).join('\n');
  }

  all(pred: (n: RenderedNode) => boolean): RenderedNode[] {
    return [...walk(this.nodes())].filter(pred);
  }

  byClass(cls: string): RenderedNode[] {
    return this.all((n) => classesOf(n).includes(cls));
  }

  /** The innermost elements whose text contains `text` (or matches it). */
  byText(text: string | RegExp): RenderedNode[] {
    const matches = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
    const hits = this.all((n) => n.data.nn !== '9' && matches(textOf(n)));
    return hits.filter((h) => !hits.some((o) => o !== h && isAncestor(h, o)));
  }

  // ---- what the user does -------------------------------------------------------------

  /** A tap on the element showing `target` (its text, or a node), bubbling as WeChat bubbles it. */
  async tap(target: string | RegExp | RenderedNode | undefined): Promise<void> {
    const node = this.resolve(target);
    const el = elementOf(node);
    if (el.template?.tag === 'button' && attrOf(el, 'disabled')) throw new Error(`tap on a disabled button: ${textOf(el)}`);
    const openType = buttonOf(el) ? attrOf(buttonOf(el)!, 'open-type') : undefined;
    if (openType === 'agreePrivacyAuthorization') this.device.privacyAgreed = true;
    this.dispatch(el, 'tap', { x: 10, y: 10 });
    if (openType === 'agreePrivacyAuthorization') this.dispatch(buttonOf(el)!, 'agreeprivacyauthorization', {});
    await this.settle();
  }

  /** Typing into an input or textarea: WeChat cuts the text at `maxlength` (140 unless set). */
  async type(target: string | RegExp | RenderedNode, value: string): Promise<void> {
    const el = this.field(target);
    const max = Number(attrOf(el, 'maxlength') ?? 140);
    const text = max >= 0 ? [...value].slice(0, max).join('') : value;
    this.dispatch(el, 'input', { value: text, cursor: text.length, keyCode: 0 });
    await this.settle();
    this.dispatch(el, 'blur', { value: text });
    await this.settle();
  }

  /** A picker, switch, radio or checkbox group reporting a new value. */
  async change(target: string | RegExp | RenderedNode, value: unknown): Promise<void> {
    const el = elementOf(this.resolve(target));
    this.dispatch(el, 'change', { value });
    await this.settle();
  }

  /** An event from a specific element, e.g. `chooseavatar` or `getphonenumber` of a button. */
  async fire(target: string | RegExp | RenderedNode, type: string, detail: unknown): Promise<void> {
    this.dispatch(elementOf(this.resolve(target)), type, detail);
    await this.settle();
  }

  async pullDownRefresh(): Promise<void> {
    this.page.call('onPullDownRefresh');
    await this.settle();
  }

  async reachBottom(): Promise<void> {
    this.page.call('onReachBottom');
    await this.settle();
  }

  /** The back button of the navigation bar. */
  async goBack(): Promise<void> {
    await this.back(1);
    await this.settle();
  }

  /** Opening a page as the app would (`wx.navigateTo`), e.g. from a shared link inside WeChat. */
  async navigateTo(url: string): Promise<void> {
    await this.navigate('navigateTo', url);
    await this.settle();
  }

  /** Closing everything and opening `url`, as `wx.reLaunch` (or a tap on a service notification). */
  async reLaunch(url: string): Promise<void> {
    await this.navigate('reLaunch', url);
    await this.settle();
  }

  /** A tap on the tab bar. */
  async switchTab(route: string): Promise<void> {
    await this.navigate('switchTab', `/${route}`);
    await this.settle();
  }

  /** Waits until the app is idle: no API answer pending, no timer due within a second. */
  async settle(limitMs = 20_000): Promise<void> {
    const start = Date.now();
    let quiet = 0;
    while (quiet < 3) {
      await new Promise((r) => setImmediate(r));
      const now = Date.now();
      const due = [...this.sandbox.timers.pending.values()].some((t) => !t.repeat && t.due - now <= 1000);
      if (this.inflight === 0 && !due) quiet++;
      else {
        quiet = 0;
        await new Promise((r) => setTimeout(r, 2));
      }
      if (Date.now() - start > limitMs) throw new Error(`the app did not settle within ${limitMs} ms (${this.inflight} answers pending) on ${this.route}`);
    }
  }

  /** Waits for something to show up on the page (loading finished, a list arrived). */
  async waitForText(text: string | RegExp, limitMs = 10_000): Promise<void> {
    const start = Date.now();
    for (;;) {
      await this.settle();
      const t = this.text();
      if (typeof text === 'string' ? t.includes(text) : text.test(t)) return;
      if (Date.now() - start > limitMs) throw new Error(`"${String(text)}" did not appear on ${this.route}; the page reads:\n${t.slice(0, 1500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The API calls made so far by name (`showToast`, `cloud.callFunction`, …). */
  callsOf(api: string): unknown[] {
    return this.calls.filter((c) => c.api === api).map((c) => c.args);
  }

  lastToast(): string | undefined {
    const t = this.callsOf('showToast').at(-1) as { title?: string } | undefined;
    return t?.title;
  }

  /** A photo in the album: a real file the app can pick and upload. */
  addPhoto(bytes: Buffer, ext = 'jpg'): string {
    const name = `wxfile://tmp_${Date.now()}_${this.device.album.length}.${ext}`;
    fs.writeFileSync(this.tempFile(name), bytes);
    this.device.album.push(name);
    return name;
  }

  close(): void {
    for (const p of [...this.stack].reverse()) p.call('onUnload');
    this.sandbox.stopTimers();
    fs.rmSync(this.tempDir, { recursive: true, force: true });
  }

  // ---- what WeChat does ---------------------------------------------------------------

  track<T>(p: Promise<T>): Promise<T> {
    this.inflight++;
    return p.finally(() => {
      this.inflight--;
    });
  }

  guard<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch (err) {
      this.errors.push(`uncaught: ${describe(err)}`);
      return undefined;
    }
  }

  private callApp(name: string, arg: unknown): void {
    const fn = this.app?.[name];
    if (typeof fn === 'function') this.guard(() => (fn as (a: unknown) => void).call(this.app, this.sandbox.toSandbox(arg)));
  }

  private tempFile(wxPath: string): string {
    return path.join(this.tempDir, wxPath.replace(/^wxfile:\/\//, '').replace(/[^\w.-]/g, '_'));
  }

  private isTab(route: string): boolean {
    return !!this.appJson.tabBar?.list.some((t) => t.pagePath === route);
  }

  private knownRoutes(): string[] {
    return [...this.appJson.pages, ...(this.appJson.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
  }

  private async open(route: string, query: Record<string, string>): Promise<PageInstance> {
    if (!this.knownRoutes().includes(route)) throw new WxFail(`page "${route}" is not found`);
    if (!this.registered.has(route)) this.sandbox.require(`${route}.js`);
    const config = this.registered.get(route);
    if (!config) throw new Error(`${route}.js did not call Page()`);
    const page = new PageInstance(route, config, query, this);
    this.stack.push(page);
    if (this.isTab(route)) this.tabs.set(route, page);
    page.call('onLoad', this.sandbox.toSandbox(query));
    page.call('onShow');
    // WeChat calls onReady after the first render reached the view layer.
    void this.track(new Promise((r) => setTimeout(r, 0))).then(() => page.call('onReady'));
    return page;
  }

  private async navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch', url: string): Promise<void> {
    const [route, query] = splitUrl(url, this.stack.length ? this.route : '');
    if (!this.knownRoutes().includes(route)) throw new WxFail(`page "${route}" is not found`);
    const tab = this.isTab(route);
    if ((kind === 'navigateTo' || kind === 'redirectTo') && tab) throw new WxFail(`can not ${kind} a tabbar page`);
    if (kind === 'switchTab' && !tab) throw new WxFail(`can not switch to no-tabBar page`);
    if (kind === 'navigateTo' && this.stack.length >= 10) throw new WxFail('webview count limit exceed');
    const top = this.stack[this.stack.length - 1];
    if (kind === 'navigateTo') {
      top?.call('onHide');
      await this.open(route, query);
      return;
    }
    if (kind === 'redirectTo') {
      this.stack.pop();
      top?.call('onUnload');
      await this.open(route, query);
      return;
    }
    // switchTab / reLaunch: every non-tab page closes; a tab page already open is shown again.
    while (this.stack.length) {
      const p = this.stack.pop()!;
      if (this.isTab(p.route) && kind === 'switchTab') p.call('onHide');
      else {
        p.call('onUnload');
        this.tabs.delete(p.route);
      }
    }
    const kept = kind === 'switchTab' ? this.tabs.get(route) : undefined;
    if (kept) {
      this.stack.push(kept);
      kept.call('onShow');
    } else {
      await this.open(route, query);
    }
  }

  private async back(delta: number): Promise<void> {
    if (this.stack.length <= 1) return;
    const n = Math.min(Math.max(1, delta), this.stack.length - 1);
    for (let i = 0; i < n; i++) {
      const p = this.stack.pop()!;
      p.call('onUnload');
      this.tabs.delete(p.route);
    }
    this.page.call('onShow');
  }

  /** Waits for an element of this class to be rendered and answers the first. */
  async waitForClass(cls: string, limitMs = 10_000): Promise<RenderedNode> {
    const start = Date.now();
    for (;;) {
      await this.settle();
      const hit = this.byClass(cls)[0];
      if (hit) return hit;
      if (Date.now() - start > limitMs) throw new Error(`no .${cls} appeared on ${this.route}; the page reads:\n${this.text().slice(0, 1500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private resolve(target: string | RegExp | RenderedNode | undefined): RenderedNode {
    if (target === undefined) throw new Error(`tap on nothing (a lookup found no element) on ${this.route}; the page reads:\n${this.text().slice(0, 1500)}`);
    if (typeof target === 'object' && !(target instanceof RegExp)) return target;
    const hits = this.byText(target);
    if (!hits.length) throw new Error(`nothing shows "${String(target)}" on ${this.route}; the page reads:\n${this.text().slice(0, 1500)}`);
    return hits[0]!;
  }

  private field(target: string | RegExp | RenderedNode): RenderedNode {
    if (typeof target === 'object' && !(target instanceof RegExp)) return target;
    const isField = (n: RenderedNode) => n.template?.tag === 'input' || n.template?.tag === 'textarea';
    const all = [...walk(this.nodes())]; // one rendering: nodes are compared by identity below
    const byPlaceholder = all.find((n) => isField(n) && matchText(String(attrOf(n, 'placeholder') ?? ''), target));
    if (byPlaceholder) return byPlaceholder;
    // A label: the first field after the innermost element that shows it.
    const labels = all.filter((n) => n.data.nn !== '9' && matchText(textOf(n), target));
    const label = labels.find((h) => !labels.some((o) => o !== h && isAncestor(h, o)));
    if (label) {
      const next = all.slice(all.indexOf(label)).find(isField);
      if (next) return next;
    }
    throw new Error(`no input or textarea for "${String(target)}" on ${this.route}`);
  }

  /** WeChat's bubbling: from the target up, every element whose template binds the event gets it. */
  private dispatch(target: RenderedNode, type: string, detail: unknown): void {
    const targetRef = { id: String(target.data.uid ?? target.data.sid ?? ''), dataset: { sid: target.data.sid } };
    for (let n: RenderedNode | null = target; n; n = n.parent) {
      const binds = n.template?.binds.has(type);
      const catches = n.template?.catches.has(type);
      if (!binds && !catches) continue;
      const event = this.sandbox.toSandbox({
        type,
        timeStamp: Date.now(),
        target: targetRef,
        currentTarget: { id: String(n.data.uid ?? n.data.sid ?? ''), dataset: { sid: n.data.sid } },
        detail,
        mark: {},
      });
      this.tapping = type === 'tap';
      try {
        this.page.call('eh', event);
      } finally {
        this.tapping = false;
      }
      if (catches) break;
    }
  }
}

function buttonOf(el: RenderedNode): RenderedNode | null {
  for (let n: RenderedNode | null = el; n; n = n.parent) if (n.template?.tag === 'button') return n;
  return null;
}

function matchText(s: string, t: string | RegExp): boolean {
  return typeof t === 'string' ? s.includes(t) : t.test(s);
}

function isAncestor(a: RenderedNode, b: RenderedNode): boolean {
  for (let n = b.parent; n; n = n.parent) if (n === a) return true;
  return false;
}

function splitUrl(url: string, from = ''): [string, Record<string, string>] {
  const [p = '', q = ''] = url.split('?');
  let route = p.startsWith('/') ? p.slice(1) : path.posix.join(path.posix.dirname(from), p);
  route = route.replace(/\.html$/, '');
  const query: Record<string, string> = {};
  for (const part of q.split('&').filter(Boolean)) {
    const [k = '', v = ''] = part.split('=');
    query[k] = v; // WeChat hands query values over as they are in the url, not decoded
  }
  return [route, query];
}

function describe(x: unknown): string {
  if (x instanceof Error || (x && typeof x === 'object' && 'stack' in x)) return String((x as Error).stack ?? x);
  if (typeof x === 'object') {
    try {
      return JSON.stringify(x);
    } catch {
      return String(x);
    }
  }
  return String(x);
}
