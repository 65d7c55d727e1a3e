import { useState } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
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
import { entityScope } from '../shared/entityScope';
import { usePagedList } from '../shared/usePagedList';

/**
 * Problems of a system (on the entities part of it) or of a group (on the
 * entities it owns), with where each is rooted and whom it hurts.
 */
export function ScopeProblems() {
  const { entity } = useEntity();
  const scope = entityScope(entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const itsmApi = useApi(itsmApiRef);
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const [search, setSearch] = useState('');
  const [text, setText] = useState('');
  useDebounce(() => setText(search.trim()), 300, [search]);
  const scopeKey = JSON.stringify(scope.query);
  const problems = usePagedList({
    load: cursor =>
      itsmApi.listProblems({
        ...JSON.parse(scopeKey),
        status: status === 'open' ? [...OPEN_PROBLEM_STATUSES] : undefined,
        text: text || undefined,
        cursor,
        limit: 100,
      }),
    key: JSON.stringify({ scopeKey, status, text }),
  });
  const of =
    scope.kind === 'group'
      ? 'the entities this group owns'
      : 'this system and its parts';
  return (
    <>
      <Box display="flex" gridGap={16} mb={2} alignItems="center">
        <ToggleButtonGroup
          size="small"
          exclusive
          value={status}
          aria-label="Problem status filter"
          onChange={(_event: unknown, value: 'open' | 'all' | null) =>
            value && setStatus(value)
          }
        >
          <ToggleButton value="open">Open</ToggleButton>
          <ToggleButton value="all">All</ToggleButton>
        </ToggleButtonGroup>
        <TextField
          id="itsm-search-scope-problems"
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
          title={`Problems of ${of}`}
          problems={problems.items}
          showRootCause
          showAffected
          emptyContent={
            <Box p={2}>
              {`No ${status === 'open' ? 'open ' : ''}problem concerns ${of}${
                text ? ' and matches these words' : ''
              }. This ${kind}'s problems are the ones rooted in, or hurting, them.`}
            </Box>
          }
        />
      )}
      <LoadMoreButton list={problems} what="problems" />
    </>
  );
}
