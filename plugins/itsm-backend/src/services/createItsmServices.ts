import {
  AuthService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_PRIORITY_MATRIX,
  PRIORITY_MATRIX_CONFIG_KEY,
  itsmPermissions,
  parsePriorityMatrix,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { AlertEntityResolver } from './alerts/AlertEntityResolver';
import { AlertIngestService } from './alerts/AlertIngestService';
import { readAlertConfig } from './alerts/alertConfig';
import { UnroutedAlertService } from './alerts/UnroutedAlertService';
import { getIncidentsByIds } from '../database/incidents';
import { getProblemsByIds } from '../database/problems';
import { incidentRules, problemRules } from '../permissions/rules';
import {
  incidentResourceRef,
  problemResourceRef,
} from '../permissions/resources';
import { ActionItemService } from './actionItems/ActionItemService';
import { AnalysisService } from './analysis/AnalysisService';
import { Authorizer } from '../shared/authorizer';
import { CatalogEntities } from '../shared/catalogEntities';
import { EntitySummaryService } from './summaries/EntitySummaryService';
import { IncidentService } from './incidents/IncidentService';
import { PostmortemService } from './postmortems/PostmortemService';
import { ProblemService } from './problems/ProblemService';
import { ItsmServices } from '../routes/router';

/** Registers the plugin's permissions and resource types. */
export function registerPermissions(options: {
  knex: Knex;
  permissionsRegistry: PermissionsRegistryService;
}) {
  const { knex, permissionsRegistry } = options;
  permissionsRegistry.addPermissions(itsmPermissions);
  permissionsRegistry.addResourceType({
    resourceRef: incidentResourceRef,
    rules: Object.values(incidentRules),
    getResources: ids => getIncidentsByIds(knex, ids),
  });
  permissionsRegistry.addResourceType({
    resourceRef: problemResourceRef,
    rules: Object.values(problemRules),
    getResources: ids => getProblemsByIds(knex, ids),
  });
}

/** Builds the services from config; a bad priority matrix or alert setting fails start-up. */
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
  const { knex: db, config, now } = options;
  const matrixConfig = config.getOptional(PRIORITY_MATRIX_CONFIG_KEY);
  const priorityMatrix =
    matrixConfig === undefined
      ? DEFAULT_PRIORITY_MATRIX
      : parsePriorityMatrix(matrixConfig);
  const authorizer = new Authorizer(
    options.permissions,
    options.permissionsRegistry,
  );
  const entities = new CatalogEntities(options.catalog);
  const alertConfig = readAlertConfig(config);
  const shared = { db, authorizer, entities, priorityMatrix, now };
  const incidents = new IncidentService(shared);
  const problems = new ProblemService(shared);
  return {
    incidents,
    problems,
    postmortems: new PostmortemService({ db, incidents, now }),
    actionItems: new ActionItemService({
      db,
      incidents,
      problems,
      entities,
      now,
    }),
    summaries: new EntitySummaryService({ db, authorizer, now }),
    analysis: new AnalysisService({
      db,
      authorizer,
      catalog: options.catalog,
      now,
    }),
    alerts: new AlertIngestService({
      ...shared,
      config: alertConfig,
      logger: options.logger,
      resolver: new AlertEntityResolver({
        catalog: options.catalog,
        auth: options.auth,
        config: alertConfig,
        now,
      }),
    }),
    unroutedAlerts: new UnroutedAlertService({
      ...shared,
      config: alertConfig,
    }),
  };
}
