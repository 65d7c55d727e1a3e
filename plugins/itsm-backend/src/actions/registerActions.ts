import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ItsmServices } from '../services/createItsmServices';
import { registerAnalysisActions } from './analysisActions';
import { registerIncidentActions } from './incidentActions';
import { registerProblemActions } from './problemActions';

/**
 * Registers the ITSM actions (the MCP server's tools). Each runs with the
 * caller's credentials through the same services, permission checks and
 * input schemas as the REST API.
 */
export function registerActions(options: {
  actionsRegistry: ActionsRegistryService;
  services: ItsmServices;
}) {
  const { actionsRegistry, services } = options;
  registerIncidentActions({ actionsRegistry, ...services });
  registerProblemActions({ actionsRegistry, ...services });
  registerAnalysisActions({ actionsRegistry, ...services });
}
