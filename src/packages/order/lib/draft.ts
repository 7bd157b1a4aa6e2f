import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { VenueType } from '@cloud/contract';
import { taroStorage } from '@/stores/storage';
import { newRequestId } from './requestId';

export interface VenueDraft {
  type: VenueType | null;
  address: string;
  link: string;
}

/** Everything typed into a booking or need form; survives a failed submit and a closed app. */
export interface OrderDraft {
  /** Made when the fill starts; reused by every retry; a new fill gets a new one. */
  requestId: string;
  topicId: string | null;
  serviceId: string | null;
  /** '' = nobody named (任意宣讲人 / 由服务队安排) */
  volunteerId: string;
  durationMin: number | null;
  start: string | null;
  venue: VenueDraft;
  headcount: string;
  contactPhone: string;
  note: string;
  // need only
  title: string;
  field: string;
  description: string;
  photos: string[];
  urgency: 'normal' | 'urgent' | 'critical';
  region: string;
  savedAt: number;
}

export function emptyDraft(init: Partial<OrderDraft> = {}): OrderDraft {
  return {
    requestId: newRequestId(),
    topicId: null,
    serviceId: null,
    volunteerId: '',
    durationMin: null,
    start: null,
    venue: { type: null, address: '', link: '' },
    headcount: '',
    contactPhone: '',
    note: '',
    title: '',
    field: '',
    description: '',
    photos: [],
    urgency: 'normal',
    region: '',
    savedAt: Date.now(),
    ...init,
  };
}

interface DraftStore {
  drafts: Record<string, OrderDraft>;
  /** The phone used last time, offered on the next form. */
  lastPhone: string;
  save: (key: string, draft: OrderDraft) => void;
  /** After a successful submit: the next fill starts fresh with a new request id. */
  clear: (key: string) => void;
  rememberPhone: (phone: string) => void;
}

/** Drafts older than this are not restored (times in them would be long gone). */
const MAX_AGE_MS = 7 * 86_400_000;

export const useDrafts = create<DraftStore>()(
  persist(
    (set) => ({
      drafts: {},
      lastPhone: '',
      save: (key, draft) => set((s) => ({ drafts: { ...s.drafts, [key]: { ...draft, savedAt: Date.now() } } })),
      clear: (key) =>
        set((s) => {
          const drafts = { ...s.drafts };
          delete drafts[key];
          return { drafts };
        }),
      rememberPhone: (phone) => set({ lastPhone: phone }),
    }),
    {
      name: 'lmgj-order-drafts',
      version: 1,
      storage: createJSONStorage(() => taroStorage),
      partialize: (s) => ({ drafts: s.drafts, lastPhone: s.lastPhone }),
      migrate: () => ({ drafts: {}, lastPhone: '' }) as unknown as DraftStore,
    },
  ),
);

/** A saved draft for `key` if recent enough, else a fresh one with `init`. */
export function loadDraft(key: string, init: Partial<OrderDraft>): { draft: OrderDraft; restored: boolean } {
  const { drafts, lastPhone } = useDrafts.getState();
  const saved = drafts[key];
  if (saved && Date.now() - saved.savedAt < MAX_AGE_MS) return { draft: { ...emptyDraft(), ...saved }, restored: true };
  return { draft: emptyDraft({ contactPhone: lastPhone, ...init }), restored: false };
}
