import type { StateCreator } from 'zustand';
import type { Store } from './index';

/** The user's display preferences on this device (kept across sign-outs: they belong to the phone). */
export interface PrefsSlice {
  /** 长辈模式: larger text and tap targets, more contrast, a simpler home. */
  elder: boolean;
  setElder: (on: boolean) => void;
}

export const createPrefsSlice: StateCreator<Store, [], [], PrefsSlice> = (set) => ({
  elder: false,
  setElder: (elder) => set({ elder }),
});
