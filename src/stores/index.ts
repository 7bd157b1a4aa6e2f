import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createSessionSlice, initialSession, type SessionSlice } from './session';
import { taroStorage } from './storage';
import { createPrefsSlice, type PrefsSlice } from './prefs';

/** The one client store; each area adds a slice here. */
export type Store = SessionSlice & PrefsSlice;

export const STORE_KEY = 'lmgj-store';
const STORE_VERSION = 1;

export const useStore = create<Store>()(
  persist((...a) => ({ ...createSessionSlice(...a), ...createPrefsSlice(...a) }), {
    name: STORE_KEY,
    version: STORE_VERSION,
    storage: createJSONStorage(() => taroStorage),
    // Only data is saved; functions come from the slices.
    partialize: (s) => ({ token: s.token, user: s.user, elder: s.elder }),
    // Version 1 is the first; an unknown older shape is dropped rather than trusted.
    migrate: (persisted, version) =>
      (version === STORE_VERSION ? persisted : { ...initialSession }) as Store,
  }),
);

/** Back to the initial state and forget the saved copy (tests, and a full sign-out). */
export function resetAllStores(): void {
  useStore.setState({ ...initialSession, elder: false });
  useStore.persist.clearStorage();
}
