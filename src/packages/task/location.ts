import Taro from '@tarojs/taro';
import { ensurePrivacyConsent } from '@/services/privacy';

export interface CheckInLocation {
  latitude: number;
  longitude: number;
}

/** Why a check-in went without a location, in the words of the toast after it. */
export type NoLocationReason = 'privacy' | 'unavailable';

export const NO_LOCATION_TEXT: Record<NoLocationReason, string> = {
  privacy: '已签到，未同意隐私保护指引，未记录位置',
  unavailable: '已签到，未能获取位置（未授权或无信号）',
};

/**
 * Where I am, if the phone tells within `timeoutMs`; otherwise why not (privacy guide refused,
 * location not allowed, no fix, desktop browser). Check-in never waits longer than that and never
 * fails for want of a location.
 */
export async function locate(timeoutMs = 4000): Promise<{ location: CheckInLocation } | { location?: undefined; reason: NoLocationReason }> {
  // The consent sheet comes first, outside the time limit: the user may take a while to read it.
  if (!(await ensurePrivacyConsent())) return { reason: 'privacy' };
  const location = await currentLocation(timeoutMs);
  return location ? { location } : { reason: 'unavailable' };
}

async function currentLocation(timeoutMs: number): Promise<CheckInLocation | undefined> {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Promise.race([
        Taro.getLocation({ type: 'gcj02' }),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs)),
      ]);
      return { latitude: round(res.latitude), longitude: round(res.longitude) };
    } catch {
      return undefined;
    }
  }
  const geo = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
  if (!geo) return undefined;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    geo.getCurrentPosition(
      (p) => {
        clearTimeout(timer);
        resolve({ latitude: round(p.coords.latitude), longitude: round(p.coords.longitude) });
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
      { timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
