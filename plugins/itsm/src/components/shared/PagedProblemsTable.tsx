import { Progress } from '@backstage/core-components';
import { Problem } from '@backstage-itsm/plugin-itsm-common';
import { ItsmErrorPanel } from './ItsmErrorPanel';
import { LoadMoreButton } from './LoadMoreButton';
import { ProblemsTable } from './ProblemsTable';
import { PagedList } from './usePagedList';

/**
 * A paged problem list with where each is rooted and whom it hurts: progress
 * while the first page loads, the error if it failed, then the table and a
 * button for more.
 */
export function PagedProblemsTable(props: {
  problems: PagedList<Problem>;
  title: string;
  emptyContent: JSX.Element;
}) {
  const { problems, title, emptyContent } = props;
  return (
    <>
      {problems.loading && <Progress />}
      {problems.error && (
        <ItsmErrorPanel error={problems.error} action="load problems" />
      )}
      {!problems.loading && !problems.error && (
        <ProblemsTable
          title={title}
          problems={problems.items}
          showRootCause
          showAffected
          emptyContent={emptyContent}
        />
      )}
      <LoadMoreButton list={problems} what="problems" />
    </>
  );
}
