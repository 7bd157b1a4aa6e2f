/**
 * What a scanned code or an opened page carries. A mini-program code (wxacode.getUnlimited) opens
 * the page with `scene` (URL-encoded by WeChat); the plain QR codes off CloudBase and the links
 * the console shows carry `code` / `scene` in the page path.
 */
export function sceneOf(params: Record<string, string | undefined>, name: 'code' | 'scene'): string {
  const raw = params[name] ?? params.scene ?? '';
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/** `scanCode` result → the page path and its query, for a code of ours; null for anything else. */
export function ourPageOf(scanned: { path?: string; result?: string }): { page: 'login' | 'invite'; value: string } | null {
  const text = scanned.path || scanned.result || '';
  const m = /packages\/account\/(login|invite)\/index\?(?:.*&)?(scene|code)=([^&#]+)/.exec(text);
  if (!m) return null;
  let value = m[3];
  try {
    value = decodeURIComponent(value);
  } catch {
    // keep it as it came
  }
  return { page: m[1] as 'login' | 'invite', value };
}
