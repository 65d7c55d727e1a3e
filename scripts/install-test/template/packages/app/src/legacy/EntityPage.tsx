import { Grid } from '@material-ui/core';
import { EntityAboutCard, EntityLayout } from '@backstage/plugin-catalog';
import {
  EntityIncidentsContent,
  EntityItsmOverviewCard,
  EntityMajorIncidentBanner,
  EntityProblemsContent,
  EntityReliabilityContent,
} from '@backstage-itsm/plugin-itsm';

// Legacy frontend system: the tabs, card and banner in EntityPage.tsx.
const overviewContent = (
  <Grid container spacing={3} alignItems="stretch">
    <Grid item xs={12}>
      <EntityMajorIncidentBanner />
    </Grid>
    <Grid item md={6}>
      <EntityAboutCard />
    </Grid>
    <Grid item md={6}>
      <EntityItsmOverviewCard />
    </Grid>
  </Grid>
);

export const serviceEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      {overviewContent}
    </EntityLayout.Route>
    <EntityLayout.Route path="/incidents" title="Incidents">
      <EntityIncidentsContent />
    </EntityLayout.Route>
    <EntityLayout.Route path="/problems" title="Problems">
      <EntityProblemsContent />
    </EntityLayout.Route>
    <EntityLayout.Route path="/reliability" title="Reliability">
      <EntityReliabilityContent />
    </EntityLayout.Route>
  </EntityLayout>
);
