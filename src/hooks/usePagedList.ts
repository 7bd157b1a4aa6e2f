import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@cloud/contract';
import { errorMessage } from '@/services/api';

export interface PagedList<T> {
  items: T[];
  total: number;
  /** First page loading (or reloading after a filter change). */
  loading: boolean;
  /** A later page loading. */
  loadingMore: boolean;
  /** Error of the first page: the list shows an error state with retry. */
  error: string | null;
  /** Error of a later page: the items stay, the footer offers retry. */
  moreError: string | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => Promise<void>;
}

/**
 * A list read page by page (infinite scroll). `fetchPage(page)` is called with 1 whenever `deps`
 * change; answers from an older filter are dropped.
 */
export function usePagedList<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  deps: readonly unknown[],
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const reload = useCallback(async () => {
    const gen = ++generation.current;
    busy.current = true;
    setLoading(true);
    setError(null);
    setMoreError(null);
    try {
      const res = await fetchRef.current(1);
      if (gen !== generation.current) return;
      setItems(res.items);
      setTotal(res.total);
      setPage(1);
    } catch (err) {
      if (gen !== generation.current) return;
      setItems([]);
      setTotal(0);
      setPage(0);
      setError(errorMessage(err));
    } finally {
      if (gen === generation.current) {
        busy.current = false;
        setLoading(false);
      }
    }
  }, []);

  const hasMore = page > 0 && items.length < total;

  const loadMore = useCallback(() => {
    if (busy.current || !hasMore) return;
    const gen = generation.current;
    busy.current = true;
    setLoadingMore(true);
    setMoreError(null);
    fetchRef
      .current(page + 1)
      .then((res) => {
        if (gen !== generation.current) return;
        setItems((prev) => [...prev, ...res.items]);
        setTotal(res.total);
        setPage(page + 1);
      })
      .catch((err: unknown) => {
        if (gen === generation.current) setMoreError(errorMessage(err));
      })
      .finally(() => {
        if (gen === generation.current) {
          busy.current = false;
          setLoadingMore(false);
        }
      });
  }, [hasMore, page]);

  useEffect(() => {
    void reload();
    // `deps` is the caller's dependency list, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  return { items, total, loading, loadingMore, error, moreError, hasMore, loadMore, reload };
}
