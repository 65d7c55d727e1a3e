import { useMemo, useState } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { OPEN_PROBLEM_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { itsmApiRef } from '../../api';
import { EntityMajorIncidentBanner } from '../EntityMajorIncidentBanner';
import { NewProblemButton } from '../TriageEdit';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { entityScope } from '../shared/entityScope';
import { ScopeProblems } from './ScopeProblems';
import { LoadMoreButton } from '../shared/LoadMoreButton';
import { ProblemsTable } from '../shared/ProblemsTable';
import { useEntityRevision } from '../shared/useLiveRevision';
import { usePagedList } from '../shared/usePagedList';
import {
  ProblemStatusScope,
  ProblemStatusToggle,
} from '../shared/ProblemStatusToggle';

/**
 * Problems tab of an entity page. A system's tab lists the problems of the
 * entities part of it, a group's those of every entity it owns.
 */
export function EntityProblemsContent() {
  const { entity } = useEntity();
  return entityScope(entity).kind === 'entity' ? (
    <OwnProblems />
  ) : (
    <ScopeProblems />
  );
}

/**
 * Problems that hurt the entity, and problems whose root cause lies in it
 * with the services they hurt.
 */
function OwnProblems() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  const itsmApi = useApi(itsmApiRef);
  const [scope, setScope] = useState<ProblemStatusScope>('open');
  const status = scope === 'open' ? [...OPEN_PROBLEM_STATUSES] : undefined;

  const key = JSON.stringify({ entityRef, scope });
  const live = useEntityRevision(entityRef);
  const rootedList = usePagedList({
    load: cursor =>
      itsmApi.listProblems({ entityRef, status, cursor, limit: 100 }),
    key,
    revision: live,
  });
  const affectingList = usePagedList({
    load: cursor =>
      itsmApi.listProblems({
        affectedEntityRef: entityRef,
        status,
        cursor,
        limit: 100,
      }),
    key,
    revision: live,
  });

  // A problem rooted here that also hurts this entity is listed once, as rooted here.
  const affecting = useMemo(
    () => affectingList.items.filter(p => p.entityRef !== entityRef),
    [affectingList.items, entityRef],
  );

  let body;
  const error = rootedList.error ?? affectingList.error;
  if (rootedList.loading || affectingList.loading) {
    body = <Progress />;
  } else if (error) {
    body = <ItsmErrorPanel error={error} action="load problems" />;
  } else {
    const rooted = rootedList.items;
    body = (
      <Grid container spacing={3} direction="column">
        <Grid item>
          <ProblemsTable
            title={`Problems rooted in this ${kind}`}
            problems={rooted}
            showAffected
            emptyContent={
              <Box p={2}>
                {`No ${
                  scope === 'open' ? 'open ' : ''
                }problem has its root cause in this ${kind}.`}
              </Box>
            }
          />
          <LoadMoreButton
            list={rootedList}
            what={`problems rooted in this ${kind}`}
          />
        </Grid>
        <Grid item>
          <ProblemsTable
            title={`Problems hurting this ${kind}`}
            problems={affecting}
            showRootCause
            emptyContent={
              <Box p={2}>
                {`No ${
                  scope === 'open' ? 'open ' : ''
                }problem elsewhere is known to hurt this ${kind}.`}
              </Box>
            }
          />
          <LoadMoreButton
            list={affectingList}
            what={`problems hurting this ${kind}`}
          />
        </Grid>
        {rooted.length === 0 && affecting.length === 0 && scope === 'open' && (
          <Grid item>
            <EmptyState
              missing="data"
              title="No open problems"
              description={`When incidents on this ${kind} recur, open a problem from one of them (Incidents tab → incident → "Create problem from this incident") to find and fix the root cause.`}
            />
          </Grid>
        )}
      </Grid>
    );
  }

  return (
    <>
      <EntityMajorIncidentBanner />
      <Box mb={2} display="flex" alignItems="center">
        <ProblemStatusToggle value={scope} onChange={setScope} />
        <Box flex={1} />
        <NewProblemButton affectedEntityRefs={[entityRef]} />
      </Box>
      {body}
    </>
  );
}
