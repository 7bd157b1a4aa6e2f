import Taro from '@tarojs/taro';

export interface CheckInLocation {
  latitude: number;
  longitude: number;
}

/**
 * Where I am, if the phone tells within `timeoutMs`; undefined otherwise (no permission, no fix,
 * desktop browser). Check-in never waits longer than that and never fails for want of a location.
 */
export async function currentLocation(timeoutMs = 4000): Promise<CheckInLocation | undefined> {
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
