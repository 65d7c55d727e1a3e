import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { OPEN_PROBLEM_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import { itsmApiRef } from '../../api';
import { NewProblemButton } from '../TriageEdit';
import { PagedProblemsTable } from '../shared/PagedProblemsTable';
import { ProblemStatusScope } from '../shared/ProblemStatusToggle';
import { ProblemsToolbar } from '../shared/ProblemsToolbar';
import { useDebouncedSearch } from '../shared/useDebouncedSearch';
import { useRecordsRevision } from '../shared/useLiveRevision';
import { usePagedList } from '../shared/usePagedList';

/** Every problem across the organisation, open ones by default. */
export function ProblemsOverview() {
  const itsmApi = useApi(itsmApiRef);
  const [scope, setScope] = useState<ProblemStatusScope>('open');
  const { search, setSearch, text } = useDebouncedSearch();
  const live = useRecordsRevision();
  const problems = usePagedList({
    load: cursor =>
      itsmApi.listProblems({
        status: scope === 'open' ? [...OPEN_PROBLEM_STATUSES] : undefined,
        text: text || undefined,
        cursor,
        limit: 100,
      }),
    key: JSON.stringify({ scope, text }),
    revision: live,
  });
  return (
    <>
      <ProblemsToolbar
        status={scope}
        onStatusChange={setScope}
        searchId="itsm-search-problems"
        search={search}
        onSearchChange={setSearch}
      >
        <NewProblemButton />
      </ProblemsToolbar>
      <PagedProblemsTable
        problems={problems}
        title="Problems"
        emptyContent={
          <Box p={2}>
            No problems match. Problems are opened from incidents that may
            recur, or proposed by detection when incidents repeat.
          </Box>
        }
      />
    </>
  );
}
