import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Page } from '@backstage-itsm/plugin-itsm-common';

/** A keyset-paged list as the UI shows it: the pages loaded so far, and more on demand. */
export interface PagedList<T> {
  items: T[];
  /** True while the first page loads and nothing is shown yet. */
  loading: boolean;
  error?: Error;
  hasMore: boolean;
  loadingMore: boolean;
  moreError?: Error;
  loadMore: () => void;
}

interface State<T> {
  pages: Page<T>[];
  loading: boolean;
  error?: Error;
  loadingMore: boolean;
  moreError?: Error;
}

async function loadPages<T>(
  load: (cursor?: string) => Promise<Page<T>>,
  count: number,
): Promise<Page<T>[]> {
  const pages = [await load()];
  while (pages.length < count && pages[pages.length - 1].nextCursor) {
    pages.push(await load(pages[pages.length - 1].nextCursor ?? undefined));
  }
  return pages;
}

/**
 * Loads a list page by page. A new `key` starts over at one page; a new
 * `revision` (bumped after a change) reloads as many pages as are shown, so
 * the list stays as long as it was and shows the change.
 */
export function usePagedList<T>(options: {
  load: (cursor?: string) => Promise<Page<T>>;
  key: string;
  revision?: number;
}): PagedList<T> {
  const { key, revision } = options;
  const loadRef = useRef(options.load);
  loadRef.current = options.load;
  // Answers to requests made before the latest key or revision are dropped.
  const generation = useRef(0);
  const shownKey = useRef<string>();
  const [state, setState] = useState<State<T>>({
    pages: [],
    loading: true,
    loadingMore: false,
  });
  const pageCount = useRef(1);
  pageCount.current = Math.max(1, state.pages.length);

  useEffect(() => {
    const current = ++generation.current;
    const sameList = shownKey.current === key;
    shownKey.current = key;
    const count = sameList ? pageCount.current : 1;
    setState(prev =>
      sameList
        ? { ...prev, loadingMore: false }
        : { pages: [], loading: true, loadingMore: false },
    );
    loadPages(loadRef.current, count).then(
      pages => {
        if (current === generation.current) {
          setState({ pages, loading: false, loadingMore: false });
        }
      },
      error => {
        if (current === generation.current) {
          setState(prev => ({ ...prev, loading: false, error }));
        }
      },
    );
  }, [key, revision]);

  const cursor = state.pages[state.pages.length - 1]?.nextCursor ?? null;
  const loadMore = useCallback(() => {
    if (!cursor) {
      return;
    }
    const current = generation.current;
    setState(prev => ({ ...prev, loadingMore: true, moreError: undefined }));
    loadRef.current(cursor).then(
      page => {
        if (current === generation.current) {
          setState(prev => ({
            ...prev,
            pages: [...prev.pages, page],
            loadingMore: false,
          }));
        }
      },
      moreError => {
        if (current === generation.current) {
          setState(prev => ({ ...prev, loadingMore: false, moreError }));
        }
      },
    );
  }, [cursor]);

  // The same array until the pages change, so tables do not rebuild their rows.
  const items = useMemo(
    () => state.pages.flatMap(page => page.items),
    [state.pages],
  );
  return {
    items,
    loading: state.loading,
    error: state.error,
    hasMore: cursor !== null,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    loadMore,
  };
}
