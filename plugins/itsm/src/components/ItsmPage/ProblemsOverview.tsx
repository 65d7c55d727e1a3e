import { useState } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { OPEN_PROBLEM_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import useDebounce from 'react-use/esm/useDebounce';
import { itsmApiRef } from '../../api';
import { NewProblemButton } from '../TriageEdit';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { LoadMoreButton } from '../shared/LoadMoreButton';
import { ProblemsTable } from '../shared/ProblemsTable';
import { useRecordsRevision } from '../shared/useLiveRevision';
import { usePagedList } from '../shared/usePagedList';

/** Every problem across the organisation, open ones by default. */
export function ProblemsOverview() {
  const itsmApi = useApi(itsmApiRef);
  const [scope, setScope] = useState<'open' | 'all'>('open');
  const [search, setSearch] = useState('');
  const [text, setText] = useState('');
  useDebounce(() => setText(search.trim()), 300, [search]);
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
      <Box display="flex" gridGap={16} mb={2} alignItems="center">
        <ToggleButtonGroup
          size="small"
          exclusive
          value={scope}
          aria-label="Problem status filter"
          onChange={(_event: unknown, value: 'open' | 'all' | null) =>
            value && setScope(value)
          }
        >
          <ToggleButton value="open">Open</ToggleButton>
          <ToggleButton value="all">All</ToggleButton>
        </ToggleButtonGroup>
        <TextField
          id="itsm-search-problems"
          size="small"
          variant="outlined"
          type="search"
          label="Search words or number"
          value={search}
          onChange={event => setSearch(event.target.value)}
        />
        <Box flex={1} />
        <NewProblemButton />
      </Box>
      {problems.loading && <Progress />}
      {problems.error && (
        <ItsmErrorPanel error={problems.error} action="load problems" />
      )}
      {!problems.loading && !problems.error && (
        <ProblemsTable
          title="Problems"
          problems={problems.items}
          showRootCause
          showAffected
          emptyContent={
            <Box p={2}>
              No problems match. Problems are opened from incidents that may
              recur, or proposed by detection when incidents repeat.
            </Box>
          }
        />
      )}
      <LoadMoreButton list={problems} what="problems" />
    </>
  );
}
