import {
  AuthService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { Authorizer } from '../shared/authorizer';
import { CatalogEntities } from '../shared/catalogEntities';
import { readDependencyDepth } from '../shared/dependencyDepth';
import { readMajorIncidentConfig } from '../shared/majorIncidentConfig';
import { readPriorityMatrix } from '../shared/priorityMatrix';
import { ActionItemService } from './actionItems/ActionItemService';
import { AlertEntityResolver } from './alerts/AlertEntityResolver';
import { AlertIngestService } from './alerts/AlertIngestService';
import { readAlertConfig } from './alerts/alertConfig';
import { UnroutedAlertService } from './alerts/UnroutedAlertService';
import { AnalysisService } from './analysis/AnalysisService';
import { ChangeCorrelator } from './changes/ChangeCorrelator';
import { ChangeIngestService } from './changes/ChangeIngestService';
import { ChangeReadService } from './changes/ChangeReadService';
import { readChangeConfig } from './changes/changeConfig';
import { DoraService } from './changes/DoraService';
import { FollowService } from './followers/FollowService';
import { HealthService } from './health/HealthService';
import { DuplicateService } from './incidents/DuplicateService';
import { IncidentService } from './incidents/IncidentService';
import { AffectedEntityService } from './majorIncidents/AffectedEntityService';
import { MajorIncidentService } from './majorIncidents/MajorIncidentService';
import { PostmortemReviewService } from './postmortems/PostmortemReviewService';
import { PostmortemService } from './postmortems/PostmortemService';
import { IncidentKnownErrorService } from './problems/IncidentKnownErrorService';
import { KnownErrorService } from './problems/KnownErrorService';
import { ProblemFromIncidentService } from './problems/ProblemFromIncidentService';
import { ProblemLinkService } from './problems/ProblemLinkService';
import { ProblemService } from './problems/ProblemService';
import { SlaClockKeeper } from './sla/SlaClockKeeper';
import { readSlaPolicy } from './sla/slaConfig';
import { readStatusStates } from './status/statusConfig';
import { StatusService } from './status/StatusService';
import { EntitySummaryService } from './summaries/EntitySummaryService';
import { UpstreamIncidentService } from './upstream/UpstreamIncidentService';
import { SearchDocumentService } from './search/SearchDocumentService';

/** The use cases the API exposes, one service per job. */
export interface ItsmServices {
  health: HealthService;
  incidents: IncidentService;
  duplicates: DuplicateService;
  incidentKnownErrors: IncidentKnownErrorService;
  problems: ProblemService;
  problemLinks: ProblemLinkService;
  problemsFromIncidents: ProblemFromIncidentService;
  knownErrors: KnownErrorService;
  postmortems: PostmortemService;
  postmortemReviews: PostmortemReviewService;
  majorIncidents: MajorIncidentService;
  affectedEntities: AffectedEntityService;
  actionItems: ActionItemService;
  summaries: EntitySummaryService;
  analysis: AnalysisService;
  alerts: AlertIngestService;
  unroutedAlerts: UnroutedAlertService;
  followers: FollowService;
  status: StatusService;
  upstreamIncidents: UpstreamIncidentService;
  slaClocks: SlaClockKeeper;
  searchDocuments: SearchDocumentService;
  changes: ChangeIngestService;
  changeReads: ChangeReadService;
  changeCorrelator: ChangeCorrelator;
  dora: DoraService;
}

/** Builds the services from config; a bad priority matrix, alert, status, SLA or major incident setting fails start-up. */
export function createItsmServices(options: {
  knex: Knex;
  config: Config;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  now?: () => number;
}): ItsmServices {
  const { knex: db, config, catalog, now } = options;
  const priorityMatrix = readPriorityMatrix(config);
  const authorizer = new Authorizer(
    options.permissions,
    options.permissionsRegistry,
  );
  const entities = new CatalogEntities(catalog);
  const alertConfig = readAlertConfig(config);
  const statusStates = readStatusStates(config);
  const dependencyDepth = readDependencyDepth(config);
  const slaClocks = new SlaClockKeeper({ policy: readSlaPolicy(config) });
  const majorIncidents = readMajorIncidentConfig(config);
  const shared = {
    db,
    authorizer,
    entities,
    catalog,
    priorityMatrix,
    majorIncidents,
    now,
    afterIncidentChange: slaClocks.enabled
      ? slaClocks.refresh.bind(slaClocks)
      : undefined,
  };
  const triage = { ...shared, dependencyDepth };
  const problems = new ProblemService(shared);
  const changeConfig = readChangeConfig(config);
  // Changes route by the same rules, and the same catalog cache, as alerts.
  const resolver = new AlertEntityResolver({
    catalog,
    auth: options.auth,
    config: alertConfig,
    logger: options.logger,
    now,
  });
  return {
    health: new HealthService({ db }),
    incidents: new IncidentService(shared),
    duplicates: new DuplicateService(triage),
    incidentKnownErrors: new IncidentKnownErrorService(triage),
    problems,
    problemLinks: new ProblemLinkService(shared),
    problemsFromIncidents: new ProblemFromIncidentService(shared),
    knownErrors: new KnownErrorService({ ...shared, problems }),
    postmortems: new PostmortemService(shared),
    postmortemReviews: new PostmortemReviewService(shared),
    majorIncidents: new MajorIncidentService(shared),
    affectedEntities: new AffectedEntityService(shared),
    actionItems: new ActionItemService(shared),
    summaries: new EntitySummaryService(shared),
    analysis: new AnalysisService({
      ...shared,
      catalog,
      slaEnabled: slaClocks.enabled,
    }),
    alerts: new AlertIngestService({
      ...shared,
      config: alertConfig,
      logger: options.logger,
      resolver,
    }),
    unroutedAlerts: new UnroutedAlertService({
      ...shared,
      config: alertConfig,
    }),
    followers: new FollowService({ ...shared, catalog }),
    status: new StatusService({ db, catalog, states: statusStates, now }),
    upstreamIncidents: new UpstreamIncidentService({
      db,
      catalog,
      authorizer,
      dependencyDepth,
    }),
    slaClocks,
    searchDocuments: new SearchDocumentService({ db }),
    changes: new ChangeIngestService({
      ...shared,
      router: resolver,
      config: changeConfig,
      logger: options.logger,
    }),
    changeReads: new ChangeReadService({
      ...shared,
      config: changeConfig,
      dependencyDepth,
    }),
    dora: new DoraService({ ...shared, config: changeConfig }),
    changeCorrelator: new ChangeCorrelator({
      db,
      catalog,
      auth: options.auth,
      config: changeConfig,
      dependencyDepth,
      now,
    }),
  };
}
