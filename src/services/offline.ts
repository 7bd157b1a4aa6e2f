import Taro from '@tarojs/taro';

/**
 * H5 only: what the router cannot say by itself.
 *
 * Each sub-page is a code chunk loaded on first visit. With the server unreachable the load fails,
 * Taro's router rejects (an unhandled rejection: "Loading CSS chunk … failed"), the URL has moved
 * on and the old page stays with no word (issue 11, finding 1). Here a chunk failure puts up a
 * 网络不可用 screen with 重试: it checks the server is back, then reloads the app on the page the
 * user asked for (the session lives in local storage, so they carry on where they were).
 *
 * An unknown route (a mistyped or stale shared link) would otherwise be a blank white page: it gets
 * a 页面不存在 screen with a way home.
 *
 * Plain DOM and inline styles: the page that failed has no React tree to render into, and this must
 * work even when the stylesheet of that page never arrived.
 */

const SCREEN_ID = 'app-fault-screen';
export const HOME_URL = '/pages/index/index';

/** A webpack JS chunk (ChunkLoadError) or mini-css-extract CSS chunk that could not be loaded. */
export function isChunkLoadError(reason: unknown): boolean {
  if (!reason || typeof reason !== 'object') return false;
  const r = reason as { name?: unknown; code?: unknown; message?: unknown };
  if (r.name === 'ChunkLoadError' || r.code === 'CSS_CHUNK_LOAD_FAILED') return true;
  return typeof r.message === 'string' && /Loading (CSS )?chunk \S+ failed/.test(r.message);
}

interface ScreenText {
  kind: 'offline' | 'notFound';
  title: string;
  body: string;
  action: string;
}

const OFFLINE: ScreenText = { kind: 'offline', title: '网络不可用', body: '页面没有加载成功，请检查网络后重试。', action: '重试' };
const NOT_FOUND: ScreenText = { kind: 'notFound', title: '页面不存在', body: '链接可能有误，或页面已经下线。', action: '返回首页' };

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, css: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.style.cssText = css;
  if (text != null) node.textContent = text;
  return node;
}

/** Shows (or replaces) the full-screen notice; answers its parts for the caller to wire. */
export function showFaultScreen(doc: Document, text: ScreenText): { root: HTMLElement; button: HTMLElement; note: HTMLElement } {
  doc.getElementById(SCREEN_ID)?.remove();
  const root = el(doc, 'div', 'position:fixed;left:0;top:0;right:0;bottom:0;z-index:100000;display:flex;flex-direction:column;align-items:center;justify-content:center;padding:32px;box-sizing:border-box;background:#f6f7f9;color:#1f2329;font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei",sans-serif;text-align:center;');
  root.id = SCREEN_ID;
  root.className = `fault-screen fault-screen--${text.kind}`;
  root.setAttribute('role', 'alert');
  const icon = el(doc, 'div', 'width:72px;height:72px;border-radius:50%;background:#fdecec;color:#c8161d;font-size:40px;line-height:72px;font-weight:700;margin-bottom:20px;', text.kind === 'offline' ? '!' : '?');
  const title = el(doc, 'div', 'font-size:20px;font-weight:600;margin-bottom:8px;', text.title);
  title.className = 'fault-screen__title';
  const body = el(doc, 'div', 'font-size:15px;color:#646a73;margin-bottom:24px;line-height:1.6;', text.body);
  const button = el(doc, 'button', 'min-width:160px;min-height:48px;padding:0 28px;border:0;border-radius:24px;background:#c8161d;color:#fff;font-size:17px;cursor:pointer;', text.action);
  button.className = 'fault-screen__action';
  button.setAttribute('type', 'button');
  const note = el(doc, 'div', 'min-height:22px;margin-top:14px;font-size:14px;color:#c8161d;');
  note.className = 'fault-screen__note';
  root.append(icon, title, body, button, note);
  doc.body.appendChild(root);
  return { root, button, note };
}

/** Whether the server answers at all (any HTTP answer counts; only a failed fetch does not). */
async function serverReachable(origin: string): Promise<boolean> {
  try {
    await fetch(`${origin}/?ping=${Date.now()}`, { method: 'HEAD', cache: 'no-store' });
    return true;
  } catch {
    return false;
  }
}

export function showOffline(win: Window = window): void {
  if (win.document.getElementById(SCREEN_ID)?.classList.contains('fault-screen--offline')) return;
  const { button, note } = showFaultScreen(win.document, OFFLINE);
  let busy = false;
  button.addEventListener('click', async () => {
    if (busy) return;
    busy = true;
    button.textContent = '正在连接…';
    note.textContent = '';
    if (await serverReachable(win.location.origin)) {
      // The chunk loads afresh on a new start; the URL already names the page asked for.
      win.location.reload();
      return;
    }
    busy = false;
    button.textContent = OFFLINE.action;
    note.textContent = '仍然无法连接，请稍后再试';
  });
}

export function showNotFound(win: Window = window): void {
  const { button } = showFaultScreen(win.document, NOT_FOUND);
  button.addEventListener('click', () => {
    win.document.getElementById(SCREEN_ID)?.remove();
    void Taro.reLaunch({ url: HOME_URL });
  });
}

let installed = false;

/** Installs the handlers once (H5 only; a no-op elsewhere). */
export function installFaultScreens(win: Window | undefined = typeof window === 'undefined' ? undefined : window): void {
  if (installed || process.env.TARO_ENV !== 'h5' || !win) return;
  installed = true;
  win.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
    if (!isChunkLoadError(e.reason)) return;
    // Handled: the screen says it; the console need not shout it too.
    e.preventDefault();
    showOffline(win);
  });
  // A chunk that fails while the router is not waiting on it (rare) surfaces as an error event.
  win.addEventListener('error', (e: ErrorEvent) => {
    if (isChunkLoadError(e.error)) showOffline(win);
  });
  Taro.eventCenter.on('__taroRouterNotFound', () => showNotFound(win));
}
