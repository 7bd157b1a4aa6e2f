/**
 * A rough description of a browser from its User-Agent, e.g. "Windows · Chrome", shown on the
 * admin's phone before confirming a desktop login (so a login asked from elsewhere stands out).
 */
export function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return '未知浏览器';
  const ua = userAgent.slice(0, 500);
  const os =
    /Windows/i.test(ua) ? 'Windows'
      : /iPhone|iPad/i.test(ua) ? 'iOS'
        : /Mac OS X|Macintosh/i.test(ua) ? 'macOS'
          : /Android/i.test(ua) ? 'Android'
            : /Linux/i.test(ua) ? 'Linux'
              : '未知系统';
  const browser =
    /MicroMessenger/i.test(ua) ? '微信内置浏览器'
      : /Edg\//.test(ua) ? 'Edge'
        : /Firefox\//.test(ua) ? 'Firefox'
          : /(Chrome|Chromium)\//.test(ua) ? 'Chrome'
            : /Safari\//.test(ua) ? 'Safari'
              : '浏览器';
  return `${os} · ${browser}`;
}
