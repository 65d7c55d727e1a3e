import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { ItsmErrorPanel } from './ItsmErrorPanel';
import { PagedList } from './usePagedList';

/** "Load more" under a paged list, with the error of the last attempt. */
export function LoadMoreButton(props: {
  list: PagedList<unknown>;
  /** What the list holds, in the plural: names the button for screen readers. */
  what: string;
}) {
  const { list, what } = props;
  return (
    <>
      {list.moreError && (
        <ItsmErrorPanel error={list.moreError} action={`load more ${what}`} />
      )}
      {list.hasMore && (
        <Box display="flex" justifyContent="center" mt={1}>
          <Button
            size="small"
            variant="outlined"
            aria-label={`Load more ${what}`}
            disabled={list.loadingMore}
            onClick={() => list.loadMore()}
          >
            {list.loadingMore ? 'Loading…' : 'Load more'}
          </Button>
        </Box>
      )}
    </>
  );
}
