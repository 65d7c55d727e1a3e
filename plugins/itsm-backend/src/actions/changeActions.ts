import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { ChangeReadService } from '../services/changes/ChangeReadService';
import { callerOfCredentials } from '../shared/caller';
import { incidentId, problemId } from './actionFields';
import { asOutput } from './actionOutputs';

/** Registers the "what changed?" reads of diagnosis and root cause analysis. */
export function registerChangeActions(options: {
  actionsRegistry: ActionsRegistryService;
  changeReads: ChangeReadService;
}) {
  const { actionsRegistry, changeReads } = options;

  actionsRegistry.register({
    name: 'get-incident-changes',
    title: 'What changed before an incident',
    description:
      "Lists the change events (deploys, config pushes, feature flags, migrations) on the incident's entity and on everything it depends on, in the window before the incident was detected (windowMs, default 24 hours), newest first. Each item has the change (entityRef, kind, summary, version, author, occurredAt, links), via (the entity the change was on) and path (from the incident's entity through its dependencies to that entity), and beforeDetectionMs. Start a diagnosis here: most incidents follow a change.",
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({ id: incidentId(z) }),
      output: z =>
        z
          .object({
            windowMs: z
              .number()
              .describe('How far before detection changes were looked for.'),
            dependencyDepth: z
              .number()
              .describe('How many dependency hops were followed.'),
            items: z.array(z.object({}).passthrough()),
          })
          .passthrough(),
    },
    action: async ({ input, credentials }) => {
      const changes = await changeReads.ofIncident(
        input.id,
        callerOfCredentials(credentials),
      );
      return {
        output: asOutput({ ...changes, items: changes.items.map(asOutput) }),
      };
    },
  });

  actionsRegistry.register({
    name: 'get-problem-changes',
    title: 'Which changes keep preceding a problem’s incidents',
    description:
      'For the incidents linked to a problem: which changes preceded them within the follow window, grouped by changed entity and kind, with how many of the incidents each preceded (e.g. 3 of 4 incidents followed a deploy of auth-service within 30 minutes). Use it to name a suspect in root cause analysis.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({ id: problemId(z) }),
      output: z => z.object({}).passthrough(),
    },
    action: async ({ input, credentials }) => ({
      output: asOutput(
        await changeReads.ofProblem(input.id, callerOfCredentials(credentials)),
      ),
    }),
  });
}
