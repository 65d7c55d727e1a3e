import { AuditorService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { toError } from '@backstage/errors';
import {
  ITSM_AUDIT_EVENTS,
  ItsmAuditEventId,
} from '../shared/audit/auditEvents';
import { resultMeta } from '../shared/audit/resultMeta';

/**
 * The auditor event of each action that changes something: the same ids as
 * the REST routes that make the same change, so that one audit query finds
 * a change whichever way it came.
 */
const ACTION_EVENTS: Record<string, ItsmAuditEventId> = {
  'create-incident': 'incident-create',
  'add-incident-note': 'incident-note',
  'transition-incident': 'incident-transition',
  'create-problem-from-incident': 'problem-from-incident',
};

function principalMeta(principal: unknown): string {
  const p = principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return p.userEntityRef ?? (p.subject ? `service:${p.subject}` : p.type);
}

/** The record an action's output carries: `{ incident }`, `{ problem }` or `{ event }`. */
function writtenRecord(output: unknown): unknown {
  if (typeof output !== 'object' || output === null) {
    return undefined;
  }
  const values = Object.values(output);
  return values.length === 1 ? values[0] : output;
}

/**
 * An actions registry that audits each call of an action that changes
 * something, as `auditedRoute` does for the routes. Actions carry no HTTP
 * request, so the event names the caller in its meta. A mutating action
 * without an event id fails at registration: nothing changes unaudited.
 */
export function auditedActionsRegistry(options: {
  actionsRegistry: ActionsRegistryService;
  auditor: AuditorService;
}): ActionsRegistryService {
  const { actionsRegistry, auditor } = options;
  return {
    register(action) {
      if (action.attributes?.readOnly) {
        actionsRegistry.register(action);
        return;
      }
      const eventId = ACTION_EVENTS[action.name];
      if (!eventId) {
        throw new Error(
          `The action ${action.name} changes records but has no auditor event`,
        );
      }
      actionsRegistry.register({
        ...action,
        action: async context => {
          const event = await auditor.createEvent({
            eventId,
            severityLevel: ITSM_AUDIT_EVENTS[eventId],
            meta: {
              action: action.name,
              actor: principalMeta(context.credentials.principal),
            },
          });
          try {
            const result = await action.action(context);
            await event.success({
              meta: resultMeta(writtenRecord(result?.output)),
            });
            return result;
          } catch (error) {
            await event.fail({ error: toError(error) });
            throw error;
          }
        },
      });
    },
  };
}
