import { act, renderHook, waitFor } from '@testing-library/react';
import { Page } from '@backstage-itsm/plugin-itsm-common';
import { usePagedList } from './usePagedList';

/** A list of numbers served two per page, the cursor being the next index. */
function serve(values: () => number[]) {
  return jest.fn(async (cursor?: string): Promise<Page<number>> => {
    const all = values();
    const start = Number(cursor ?? 0);
    const next = start + 2;
    return {
      items: all.slice(start, next),
      nextCursor: next < all.length ? String(next) : null,
    };
  });
}

describe('usePagedList', () => {
  it('loads the first page, then the next ones on demand, until the last', async () => {
    const load = serve(() => [1, 2, 3, 4, 5]);
    const { result } = renderHook(() => usePagedList({ load, key: 'a' }));
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.items).toEqual([1, 2]));
    expect(result.current.hasMore).toBe(true);

    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toEqual([1, 2, 3, 4]));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toEqual([1, 2, 3, 4, 5]));
    expect(result.current.hasMore).toBe(false);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('reloads as many pages as are shown when the revision changes', async () => {
    let values = [1, 2, 3, 4, 5];
    const load = serve(() => values);
    const { result, rerender } = renderHook(
      (revision: number) => usePagedList({ load, key: 'a', revision }),
      { initialProps: 0 },
    );
    await waitFor(() => expect(result.current.items).toEqual([1, 2]));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toEqual([1, 2, 3, 4]));

    values = [0, 1, 2, 3, 4, 5];
    rerender(1);
    await waitFor(() => expect(result.current.items).toEqual([0, 1, 2, 3]));
    expect(result.current.loading).toBe(false);
    expect(result.current.hasMore).toBe(true);
  });

  it('starts over at one page for another list', async () => {
    const load = serve(() => [1, 2, 3, 4, 5]);
    const { result, rerender } = renderHook(
      (key: string) => usePagedList({ load, key }),
      { initialProps: 'a' },
    );
    await waitFor(() => expect(result.current.items).toEqual([1, 2]));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toHaveLength(4));

    rerender('b');
    expect(result.current.items).toEqual([]);
    await waitFor(() => expect(result.current.items).toEqual([1, 2]));
  });

  it('ignores the answer for a list that is no longer shown', async () => {
    const answers: Record<string, (page: Page<string>) => void> = {};
    const { result, rerender } = renderHook(
      (key: string) =>
        usePagedList<string>({
          load: () => new Promise(resolve => (answers[key] = resolve)),
          key,
        }),
      { initialProps: 'a' },
    );
    rerender('b');
    await act(async () => {
      answers.b({ items: ['from b'], nextCursor: null });
      answers.a({ items: ['from a'], nextCursor: null });
    });
    expect(result.current.items).toEqual(['from b']);
  });

  it('keeps the pages shown when loading more fails, and says so', async () => {
    const load = jest
      .fn()
      .mockResolvedValueOnce({ items: [1], nextCursor: 'x' })
      .mockRejectedValueOnce(new Error('offline'));
    const { result } = renderHook(() => usePagedList({ load, key: 'a' }));
    await waitFor(() => expect(result.current.items).toEqual([1]));
    act(() => result.current.loadMore());
    await waitFor(() =>
      expect(result.current.moreError?.message).toBe('offline'),
    );
    expect(result.current.items).toEqual([1]);
    expect(result.current.hasMore).toBe(true);
  });
});
