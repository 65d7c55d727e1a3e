import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { PRIORITIES } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { ItsmErrorPanel } from '../shared/ItsmErrorPanel';
import { PriorityChip } from '../shared/PriorityChip';
import { useEntityRevision } from '../shared/useLiveRevision';
import { KNOWN_ERRORS_IN_EFFECT } from '../shared/knownErrorsInEffect';
import { formatDuration } from '../ReliabilityCharts/formatDuration';

function Figure(props: { label: string; value: string; hint?: string }) {
  return (
    <Grid item xs={6} sm={4}>
      <Typography variant="h4" component="div">
        {props.value}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {props.label}
      </Typography>
      {props.hint && (
        <Typography variant="caption" color="textSecondary">
          {props.hint}
        </Typography>
      )}
    </Grid>
  );
}

/** Entity overview card: open incidents by priority, MTTR, open problems, known errors. */
export function EntityItsmOverviewCard() {
  const { entity } = useEntity();
  const itsmApi = useApi(itsmApiRef);
  const entityRef = stringifyEntityRef(entity);
  const entityLink = useRouteRef(entityRouteRef)(entityRouteParams(entity));
  const live = useEntityRevision(entityRef);
  const summary = useAsync(
    () => itsmApi.getEntitySummary(entityRef),
    [itsmApi, entityRef, live],
  );

  let body;
  if (summary.loading && !summary.value) {
    body = <Progress />;
  } else if (summary.error || !summary.value) {
    body = (
      <ItsmErrorPanel
        error={summary.error ?? new Error('No data')}
        action="load incidents and problems"
      />
    );
  } else {
    const value = summary.value;
    const open = PRIORITIES.reduce(
      (sum, p) => sum + value.openIncidentsByPriority[p],
      0,
    );
    body = (
      <>
        <Box
          display="flex"
          gridGap={8}
          flexWrap="wrap"
          mb={2}
          aria-label="Open incidents by priority"
        >
          {open === 0 ? (
            <Typography variant="body2">No open incidents.</Typography>
          ) : (
            PRIORITIES.filter(p => value.openIncidentsByPriority[p] > 0).map(
              p => (
                <Box key={p} display="flex" alignItems="center" gridGap={4}>
                  <PriorityChip priority={p} />
                  <Typography variant="body2">
                    × {value.openIncidentsByPriority[p]}
                  </Typography>
                </Box>
              ),
            )
          )}
        </Box>
        <Grid container spacing={2}>
          <Figure label="Open incidents" value={String(open)} />
          <Figure
            label={`MTTR, last ${value.windowDays} days`}
            value={formatDuration(value.mttrMs)}
            hint={`${value.resolvedIncidents} resolved`}
          />
          <Figure label="Open problems" value={String(value.openProblems)} />
          <Figure
            label={KNOWN_ERRORS_IN_EFFECT.label}
            value={String(value.knownErrors)}
            hint={KNOWN_ERRORS_IN_EFFECT.hint}
          />
        </Grid>
      </>
    );
  }

  return (
    <InfoCard
      title="Incidents and problems"
      deepLink={{ title: 'View incidents', link: `${entityLink}/incidents` }}
    >
      {body}
    </InfoCard>
  );
}
