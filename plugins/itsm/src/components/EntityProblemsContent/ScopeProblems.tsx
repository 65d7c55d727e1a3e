import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { OPEN_PROBLEM_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import { itsmApiRef } from '../../api';
import { NewProblemButton } from '../TriageEdit';
import { PagedProblemsTable } from '../shared/PagedProblemsTable';
import { ProblemStatusScope } from '../shared/ProblemStatusToggle';
import { ProblemsToolbar } from '../shared/ProblemsToolbar';
import { entityScope } from '../shared/entityScope';
import { useDebouncedSearch } from '../shared/useDebouncedSearch';
import { useScopeRevision } from '../shared/useLiveRevision';
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
  const [status, setStatus] = useState<ProblemStatusScope>('open');
  const { search, setSearch, text } = useDebouncedSearch();
  const scopeKey = JSON.stringify(scope.query);
  const live = useScopeRevision({
    kind: scope.kind,
    entityRef: stringifyEntityRef(entity),
  });
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
    revision: live,
  });
  const of =
    scope.kind === 'group'
      ? 'the entities this group owns'
      : 'this system and its parts';
  return (
    <>
      <ProblemsToolbar
        status={status}
        onStatusChange={setStatus}
        searchId="itsm-search-scope-problems"
        search={search}
        onSearchChange={setSearch}
      >
        <NewProblemButton />
      </ProblemsToolbar>
      <PagedProblemsTable
        problems={problems}
        title={`Problems of ${of}`}
        emptyContent={
          <Box p={2}>
            {`No ${status === 'open' ? 'open ' : ''}problem concerns ${of}${
              text ? ' and matches these words' : ''
            }. This ${kind}'s problems are the ones rooted in, or hurting, them.`}
          </Box>
        }
      />
    </>
  );
}
