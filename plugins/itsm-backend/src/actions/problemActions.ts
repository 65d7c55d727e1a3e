import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  PROBLEM_SOURCES,
  listKnownErrorsQuery,
  listProblemsQuery,
  problemFromIncidentBody,
  timelineQuery,
} from '@backstage-itsm/plugin-itsm-common';
import { KnownErrorService } from '../services/problems/KnownErrorService';
import { ProblemFromIncidentService } from '../services/problems/ProblemFromIncidentService';
import { ProblemService } from '../services/problems/ProblemService';
import { callerOfCredentials } from '../shared/caller';
import {
  knownErrorListRequest,
  problemListRequest,
} from '../shared/listRequests';
import { pageOptions } from '../shared/pageOptions';
import { parseActionInput } from '../shared/parseInput';
import {
  entityRefs,
  incidentId,
  lenient,
  pageFields,
  problemId,
  problemStatuses,
  recordListFields,
} from './actionFields';
import {
  asOutput,
  pageAsOutput,
  pageOutput,
  problemOutput,
  timelineEventOutput,
} from './actionOutputs';

/** Registers the actions that find and open problems and search known errors. */
export function registerProblemActions(options: {
  actionsRegistry: ActionsRegistryService;
  problems: ProblemService;
  knownErrors: KnownErrorService;
  problemsFromIncidents: ProblemFromIncidentService;
}) {
  const { actionsRegistry, problems, knownErrors, problemsFromIncidents } =
    options;

  actionsRegistry.register({
    name: 'list-problems',
    title: 'List problems',
    description:
      'Lists the problems (underlying causes of incidents) the caller may read, newest first, one page at a time. Filter by root-cause entity, affected entity, status, priority, assignee, whether published as known error, source, system or group, and search words. Returns items and nextCursor.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z
          .object({
            entityRef: entityRefs(
              z,
              'Only problems whose root cause lies in these entities.',
            ),
            affectedEntityRef: entityRefs(
              z,
              'Only problems that affect these entities.',
            ),
            status: problemStatuses(z),
            knownError: lenient(
              z
                .boolean()
                .describe(
                  'true: only problems published as known errors; false: only the others.',
                ),
            ),
            source: lenient(
              z
                .enum(PROBLEM_SOURCES)
                .describe(
                  'How it was opened: manual, from_incident, or detected from recurring incidents.',
                ),
            ),
            ...recordListFields(z, 'problems'),
          })
          .passthrough(),
      output: z => pageOutput(z, problemOutput(z)),
    },
    action: async ({ input, credentials }) => {
      const caller = callerOfCredentials(credentials);
      const query = parseActionInput(listProblemsQuery, {
        ...input,
        knownError:
          typeof input.knownError === 'boolean'
            ? String(input.knownError)
            : input.knownError,
      });
      return {
        output: pageAsOutput(
          await problems.list(problemListRequest(query, caller)),
        ),
      };
    },
  });

  actionsRegistry.register({
    name: 'get-problem',
    title: 'Get a problem with its timeline',
    description:
      'Reads one problem (statement, root cause, workaround, permanent fix, known error status) and the first page of its timeline, oldest first.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({ id: problemId(z), ...pageFields(z) }).passthrough(),
      output: z =>
        z.object({
          problem: problemOutput(z),
          timeline: pageOutput(z, timelineEventOutput(z)),
        }),
    },
    action: async ({ input, credentials }) => {
      const caller = callerOfCredentials(credentials);
      const { id, ...page } = input;
      const query = parseActionInput(timelineQuery, page);
      const problem = await problems.get(String(id), caller);
      const timeline = await problems.timeline({
        idOrNumber: problem.id,
        ...pageOptions(query, 'sequence'),
        caller,
      });
      return {
        output: {
          problem: asOutput(problem),
          timeline: pageAsOutput(timeline),
        },
      };
    },
  });

  actionsRegistry.register({
    name: 'search-known-errors',
    title: 'Search known errors',
    description:
      'Searches the known error database: problems whose root cause and workaround are documented and published. Give an entity (matches the root-cause entity or an affected one) and/or words from the symptoms, e.g. "redis evicts". Best word match first. Each item has the workaround to apply.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z
          .object({
            entityRef: entityRefs(
              z,
              'Only known errors rooted in or affecting these entities.',
            ),
            text: lenient(
              z
                .string()
                .describe(
                  'Words to search for in the title, statement, symptoms, root cause and workaround.',
                ),
            ),
            ...pageFields(z),
          })
          .passthrough(),
      output: z => pageOutput(z, problemOutput(z)),
    },
    action: async ({ input, credentials }) => {
      const caller = callerOfCredentials(credentials);
      const query = parseActionInput(listKnownErrorsQuery, input);
      return {
        output: pageAsOutput(
          await knownErrors.list(knownErrorListRequest(query, caller)),
        ),
      };
    },
  });

  actionsRegistry.register({
    name: 'create-problem-from-incident',
    title: 'Open a problem from an incident',
    description:
      "Opens a problem to find the underlying cause of an incident and links the incident to it. Title and statement default to the incident's. With holdIncident the incident goes on hold awaiting the problem. Refused if the incident is already linked to a problem.",
    attributes: { destructive: false },
    schema: {
      input: z =>
        z
          .object({
            incidentId: incidentId(z),
            title: lenient(
              z
                .string()
                .describe("The problem's title; defaults to the incident's."),
            ),
            statement: lenient(
              z
                .string()
                .describe(
                  'What is to be explained; defaults to one built from the incident.',
                ),
            ),
            holdIncident: lenient(
              z
                .boolean()
                .describe(
                  'Put the incident on hold awaiting the problem; default false.',
                ),
            ),
          })
          .passthrough(),
      output: z => z.object({ problem: problemOutput(z) }),
    },
    action: async ({ input, credentials }) => {
      const caller = callerOfCredentials(credentials);
      const { incidentId: incidentIdOrNumber, ...rest } = input;
      const body = parseActionInput(problemFromIncidentBody, rest);
      return {
        output: {
          problem: asOutput(
            await problemsFromIncidents.create({
              incidentIdOrNumber: String(incidentIdOrNumber),
              input: body,
              caller,
            }),
          ),
        },
      };
    },
  });
}
