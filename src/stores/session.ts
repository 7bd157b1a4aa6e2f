import type { StateCreator } from 'zustand';
import type { Me } from '@cloud/contract';
import type { Store } from './index';

export interface SessionSlice {
  /** Bearer token for the H5 transport; null on weapp, where WeChat vouches for the caller. */
  token: string | null;
  /** The signed-in user, or null when signed out. */
  user: Me | null;
  /** Stores what `auth.devLogin` (h5) or `auth.me` (weapp) answered. */
  login: (token: string | null, user: Me) => void;
  /** Refreshes the user without touching the token. */
  setUser: (user: Me) => void;
  /** Forgets token and user (also called when the server answers UNAUTHENTICATED). */
  logout: () => void;
}

export const initialSession = { token: null, user: null } satisfies Pick<SessionSlice, 'token' | 'user'>;

export const createSessionSlice: StateCreator<Store, [], [], SessionSlice> = (set) => ({
  ...initialSession,
  login: (token, user) => set({ token, user }),
  setUser: (user) => set({ user }),
  logout: () => set({ ...initialSession }),
});
