import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ItsmServices } from '../services/createItsmServices';
import { auditedActionsRegistry } from './auditedActionsRegistry';
import { registerAnalysisActions } from './analysisActions';
import { registerChangeActions } from './changeActions';
import { registerIncidentActions } from './incidentActions';
import { registerProblemActions } from './problemActions';

/**
 * Registers the ITSM actions (the MCP server's tools). Each runs with the
 * caller's credentials through the same services, permission checks and
 * input schemas as the REST API; those that change records are audited as
 * the routes are.
 */
export function registerActions(options: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
  services: ItsmServices;
}) {
  const { services } = options;
  const actionsRegistry = auditedActionsRegistry(options);
  registerIncidentActions({ actionsRegistry, ...services });
  registerProblemActions({ actionsRegistry, ...services });
  registerAnalysisActions({ actionsRegistry, ...services });
  registerChangeActions({ actionsRegistry, ...services });
}
