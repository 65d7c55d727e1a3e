import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { Route, Routes, useParams } from 'react-router-dom';
import { IncidentQueue } from '../IncidentQueue';
import { IncidentView } from '../IncidentView';
import { PostmortemList } from '../MajorIncident';
import { ProblemView } from '../ProblemView';
import { ReliabilityWindow } from '../ReliabilityWindow';
import { StatusPage } from '../StatusPage';
import { KnownErrorDatabase } from './KnownErrorDatabase';
import { ProblemsOverview } from './ProblemsOverview';
import { UnroutedAlertsInbox } from './UnroutedAlertsInbox';
import { usePendingAlertCount } from './usePendingAlertCount';

function IncidentRoute() {
  const { id } = useParams();
  return (
    <Content>
      <IncidentView incidentId={id!} />
    </Content>
  );
}

function ProblemRoute() {
  const { id } = useParams();
  return (
    <Content>
      <ProblemView problemId={id!} />
    </Content>
  );
}

/** The ITSM page: the organisation's incident queue, all problems, the known error database, postmortems, organisation reliability, the status page. */
export function ItsmPage() {
  const pendingAlerts = usePendingAlertCount();
  return (
    <Page themeId="tool">
      <Header
        title="Incidents and problems"
        subtitle="Restore service fast; find and remove the causes"
      />
      <Routes>
        <Route path="incidents/:id" element={<IncidentRoute />} />
        <Route path="problems/:id" element={<ProblemRoute />} />
        <Route
          path="*"
          element={
            <TabbedLayout>
              <TabbedLayout.Route path="/" title="Incident queue">
                <IncidentQueue />
              </TabbedLayout.Route>
              <TabbedLayout.Route path="/problems" title="Problems">
                <ProblemsOverview />
              </TabbedLayout.Route>
              <TabbedLayout.Route path="/known-errors" title="Known errors">
                <KnownErrorDatabase />
              </TabbedLayout.Route>
              <TabbedLayout.Route path="/postmortems" title="Postmortems">
                <PostmortemList />
              </TabbedLayout.Route>
              <TabbedLayout.Route
                path="/unrouted"
                title={
                  pendingAlerts.count
                    ? `Unrouted alerts (${pendingAlerts.count})`
                    : 'Unrouted alerts'
                }
              >
                <UnroutedAlertsInbox onChange={pendingAlerts.refresh} />
              </TabbedLayout.Route>
              <TabbedLayout.Route path="/reliability" title="Reliability">
                <ReliabilityWindow scope={{}} />
              </TabbedLayout.Route>
              <TabbedLayout.Route path="/status" title="Status">
                <StatusPage />
              </TabbedLayout.Route>
            </TabbedLayout>
          }
        />
      </Routes>
    </Page>
  );
}
