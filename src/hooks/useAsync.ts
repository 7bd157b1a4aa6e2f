import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/services/api';

export type AsyncState<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | null; error: string };

/**
 * Runs `load` now and whenever `deps` change; `reload` runs it again (retry, pull-down refresh).
 * Answers that arrive after a newer request started are dropped.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading', data: null, error: null });
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const run = useCallback(async () => {
    const id = ++seq.current;
    setState((s) => ({ status: 'loading', data: s.data, error: null }));
    try {
      const data = await loadRef.current();
      if (id === seq.current) setState({ status: 'ready', data, error: null });
    } catch (err) {
      if (id === seq.current) setState((s) => ({ status: 'error', data: s.data, error: errorMessage(err) }));
    }
  }, []);

  useEffect(() => {
    void run();
    // `deps` is the caller's dependency list, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { ...state, reload: run };
}
