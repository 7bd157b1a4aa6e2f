import Taro from '@tarojs/taro';
import type { StateStorage } from 'zustand/middleware';

/**
 * zustand's persist storage over Taro's synchronous storage (wx storage on weapp, localStorage on
 * h5). Synchronous, so the session is back before the first render.
 */
export const taroStorage: StateStorage = {
  getItem: (name) => {
    const value: unknown = Taro.getStorageSync(name);
    return typeof value === 'string' && value !== '' ? value : null;
  },
  setItem: (name, value) => Taro.setStorageSync(name, value),
  removeItem: (name) => Taro.removeStorageSync(name),
};
