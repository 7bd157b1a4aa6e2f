import { useStore } from '@/stores';

/**
 * The page root's class with 长辈模式's `elder` added when it is on. weapp has no global <body>, so
 * each page root carries it; the styles under `.elder` (app.scss) reach everything inside.
 */
export function useRootClass(base: string): string {
  const elder = useStore((s) => s.elder);
  return elder ? `${base} elder` : base;
}
