import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';

export const WIDE_MIN = 1024;

function windowWidth(): number {
  if (process.env.TARO_ENV === 'h5') return window.innerWidth;
  try {
    return Taro.getWindowInfo().windowWidth;
  } catch {
    return 375;
  }
}

/** True on a desktop-wide window (h5 follows resizes); the layout itself is CSS media queries. */
export function useIsWide(min = WIDE_MIN): boolean {
  const [wide, setWide] = useState(() => windowWidth() >= min);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    const onResize = () => setWide(windowWidth() >= min);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [min]);
  return wide;
}
