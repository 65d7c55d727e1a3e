import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  HOLD_REASONS,
  INCIDENT_RESOLUTION_CODES,
  INCIDENT_SOURCE_FILTERS,
  INCIDENT_STATUSES,
  createIncidentBody,
  incidentTransitionBody,
  listIncidentsQuery,
  noteBody,
  timelineQuery,
} from '@backstage-itsm/plugin-itsm-common';
import { IncidentService } from '../services/incidents/IncidentService';
import { callerOfCredentials } from '../shared/caller';
import { incidentListRequest } from '../shared/listRequests';
import { pageOptions } from '../shared/pageOptions';
import { parseActionInput } from '../shared/parseInput';
import {
  entityRef,
  entityRefs,
  incidentId,
  incidentStatuses,
  lenient,
  pageFields,
  recordListFields,
} from './actionFields';
import {
  asOutput,
  incidentOutput,
  pageAsOutput,
  pageOutput,
  timelineEventOutput,
} from './actionOutputs';

/** Registers the actions that find, open, annotate and move incidents. */
export function registerIncidentActions(options: {
  actionsRegistry: ActionsRegistryService;
  incidents: IncidentService;
}) {
  const { actionsRegistry, incidents } = options;

  actionsRegistry.register({
    name: 'list-incidents',
    title: 'List incidents',
    description:
      'Lists the incidents the caller may read, newest first, one page at a time. Filter by affected entity, owner, status, priority, assignee, category, source, system or group, and search words. Returns items (each with number, title, status, priority, entityRef) and nextCursor for the next page.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z
          .object({
            entityRef: entityRefs(z, 'Only incidents of these entities.'),
            ownerRef: entityRefs(
              z,
              'Only incidents of entities owned by these groups, e.g. group:default/checkout-team.',
            ),
            status: incidentStatuses(z),
            source: lenient(
              z
                .array(z.enum(INCIDENT_SOURCE_FILTERS))
                .describe(
                  'Only incidents opened this way; "alert" stands for alertmanager and events-v2.',
                ),
            ),
            problemId: lenient(
              z
                .string()
                .describe('Only incidents linked to this problem (its uuid).'),
            ),
            ...recordListFields(z, 'incidents'),
          })
          .passthrough(),
      output: z => pageOutput(z, incidentOutput(z)),
    },
    action: async ({ input, credentials }) => {
      const caller = callerOfCredentials(credentials);
      const query = parseActionInput(listIncidentsQuery, input);
      return {
        output: pageAsOutput(
          await incidents.list(incidentListRequest(query, caller)),
        ),
      };
    },
  });

  actionsRegistry.register({
    name: 'get-incident',
    title: 'Get an incident with its timeline',
    description:
      'Reads one incident and the first page of its timeline (notes, public status updates, transitions, field changes), oldest first. Use the incident version it returns to change the incident.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z
          .object({ id: incidentId(z), ...pageFields(z) })
          .describe('limit and cursor page the timeline.')
          .passthrough(),
      output: z =>
        z.object({
          incident: incidentOutput(z),
          timeline: pageOutput(z, timelineEventOutput(z)),
        }),
    },
    action: async ({ input, credentials }) => {
      const caller = callerOfCredentials(credentials);
      const { id, ...page } = input;
      const query = parseActionInput(timelineQuery, page);
      const incident = await incidents.get(String(id), caller);
      const timeline = await incidents.timeline({
        idOrNumber: incident.id,
        ...pageOptions(query, 'sequence'),
        caller,
      });
      return {
        output: {
          incident: asOutput(incident),
          timeline: pageAsOutput(timeline),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'create-incident',
    title: 'Open an incident',
    description:
      'Opens an incident on a catalog entity. Priority is derived from impact and urgency. The reporter is the caller. Returns the new incident with its number (INC-...).',
    attributes: { destructive: false },
    schema: {
      input: z =>
        z
          .object({
            title: z
              .string()
              .describe('A short summary, at most 200 characters.'),
            description: z
              .string()
              .describe('What is happening, who is affected, since when.'),
            entityRef: z
              .string()
              .describe(
                'The affected catalog entity, e.g. component:default/checkout-api; it must exist in the catalog.',
              ),
            category: z
              .string()
              .describe(
                'A category such as availability, performance, capacity or security.',
              ),
            impact: z
              .number()
              .int()
              .describe(
                'How widely the business is affected: 1 high, 2 medium, 3 low.',
              ),
            urgency: z
              .number()
              .int()
              .describe(
                'How soon it must be dealt with: 1 high, 2 medium, 3 low.',
              ),
            major: lenient(
              z.boolean().describe('Whether this is a major incident.'),
            ),
            assigneeRef: entityRef(
              z,
              'Who should work on it, e.g. user:default/ben.',
            ),
            workaround: lenient(
              z.string().describe('A known way to restore service meanwhile.'),
            ),
            detectedAt: lenient(
              z.string().describe('When it began, ISO 8601; defaults to now.'),
            ),
          })
          .passthrough(),
      output: z => z.object({ incident: incidentOutput(z) }),
    },
    action: async ({ input, credentials }) => {
      const caller = callerOfCredentials(credentials);
      const body = parseActionInput(createIncidentBody, input);
      const incident = await incidents.create(body, caller);
      return { output: { incident: asOutput(incident) } };
    },
  });

  actionsRegistry.register({
    name: 'add-incident-note',
    title: 'Add a note or a public status update to an incident',
    description:
      'Adds an internal note for responders (visibility internal, the default) or a public status update that followers and status pages see (visibility public) to an incident timeline.',
    attributes: { destructive: false },
    schema: {
      input: z =>
        z
          .object({
            id: incidentId(z),
            body: z.string().describe('The text, markdown allowed.'),
            visibility: lenient(
              z
                .enum(['internal', 'public'])
                .describe(
                  'internal (default): a note; public: a status update.',
                ),
            ),
          })
          .passthrough(),
      output: z => z.object({ event: timelineEventOutput(z) }),
    },
    action: async ({ input, credentials }) => {
      const caller = callerOfCredentials(credentials);
      const { id, ...rest } = input;
      const body = parseActionInput(noteBody, rest);
      return {
        output: {
          event: asOutput(
            await incidents.addNote({
              idOrNumber: String(id),
              input: body,
              caller,
            }),
          ),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'transition-incident',
    title: 'Move an incident through its lifecycle',
    description: [
      'Moves an incident to another status. To acknowledge an incident, move it from new to in_progress.',
      'Allowed moves: new -> in_progress, on_hold, resolved, cancelled; in_progress -> on_hold, resolved, cancelled; on_hold -> in_progress, resolved, cancelled; resolved -> closed, in_progress (reopen).',
      `on_hold needs holdReason (${HOLD_REASONS.join(
        ', ',
      )}; awaiting_problem needs a linked problem).`,
      `resolved needs resolutionCode (${INCIDENT_RESOLUTION_CODES.join(
        ', ',
      )}; known_error needs a linked known error, duplicate needs duplicateOf) and resolutionNotes.`,
      'Send the version from get-incident; if someone changed the incident since, the move is refused as a conflict: read it again.',
    ].join(' '),
    attributes: { destructive: false },
    schema: {
      input: z =>
        z
          .object({
            id: incidentId(z),
            version: z
              .number()
              .int()
              .describe('The version of the incident you last read.'),
            to: z
              .string()
              .describe(
                `The new status: one of ${INCIDENT_STATUSES.join(', ')}.`,
              ),
            holdReason: lenient(
              z.enum(HOLD_REASONS).describe('Why, when moving to on_hold.'),
            ),
            resolutionCode: lenient(
              z
                .enum(INCIDENT_RESOLUTION_CODES)
                .describe('How it was resolved, when moving to resolved.'),
            ),
            resolutionNotes: lenient(
              z.string().describe('What was done, when moving to resolved.'),
            ),
            duplicateOf: lenient(
              incidentId(
                z,
                'With resolutionCode duplicate: the original incident',
              ),
            ),
          })
          .passthrough(),
      output: z => z.object({ incident: incidentOutput(z) }),
    },
    action: async ({ input, credentials }) => {
      const caller = callerOfCredentials(credentials);
      const { id, ...rest } = input;
      const body = parseActionInput(incidentTransitionBody, rest);
      return {
        output: {
          incident: asOutput(
            await incidents.transition({
              idOrNumber: String(id),
              input: body,
              caller,
            }),
          ),
        },
      };
    },
  });
}
