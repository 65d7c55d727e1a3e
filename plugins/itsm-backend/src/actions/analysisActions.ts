import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import {
  analysisQuery,
  analysisWindow,
} from '@backstage-itsm/plugin-itsm-common';
import { AnalysisService } from '../services/analysis/AnalysisService';
import { callerOfCredentials } from '../shared/caller';
import { parseActionInput } from '../shared/parseInput';
import { entityRef, lenient } from './actionFields';
import { asOutput } from './actionOutputs';

/** Epoch milliseconds as the query text the REST schema reads. */
function asText(time: unknown) {
  return typeof time === 'number' ? String(time) : time;
}

/** Registers the reliability analysis of an entity, a group or a system. */
export function registerAnalysisActions(options: {
  actionsRegistry: ActionsRegistryService;
  analysis: AnalysisService;
  now?: () => number;
}) {
  const { actionsRegistry, analysis } = options;

  actionsRegistry.register({
    name: 'get-reliability-analysis',
    title: 'Get the reliability analysis of an entity, group or system',
    description:
      'Reliability figures over a window (default the last 90 days): weekly incidents by priority, MTTA and MTTR by priority, open and aged problems, known errors, problems rooted here or elsewhere, fix effects and overdue action items. Give at most one of entityRef, ownerRef (a group: everything it owns) or systemRef (everything in the system); none analyses the whole organisation. An entity gone from the catalog is still analysed from its history.',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z
          .object({
            entityRef: entityRef(
              z,
              'Analyse this entity and what depends on it.',
            ),
            ownerRef: entityRef(
              z,
              'Analyse everything this group owns, e.g. group:default/checkout-team.',
            ),
            systemRef: entityRef(
              z,
              'Analyse everything in this system, e.g. system:default/checkout.',
            ),
            from: lenient(
              z
                .union([z.string(), z.number()])
                .describe(
                  'Start of the window: ISO 8601 time or epoch milliseconds; default 90 days before to.',
                ),
            ),
            to: lenient(
              z
                .union([z.string(), z.number()])
                .describe(
                  'End of the window (exclusive): ISO 8601 time or epoch milliseconds; default now.',
                ),
            ),
          })
          .passthrough(),
      output: z =>
        z
          .object({
            scope: z
              .object({
                kind: z.string(),
                ref: z.string().nullable(),
                entityRefs: z
                  .array(z.string())
                  .nullable()
                  .describe('The entities counted; null for the organisation.'),
              })
              .describe('What was analysed.'),
            window: z.object({ from: z.string(), to: z.string() }),
          })
          .passthrough(),
    },
    action: async ({ input, credentials }) => {
      const caller = callerOfCredentials(credentials);
      const query = parseActionInput(analysisQuery, {
        ...input,
        from: asText(input.from),
        to: asText(input.to),
      });
      const window = analysisWindow(query, options.now?.() ?? Date.now());
      if ('field' in window) {
        throw new InputError(
          `Invalid input: ${window.field}: ${window.reason}`,
        );
      }
      const { entityRef: ref, ownerRef, systemRef } = query;
      return {
        output: asOutput(
          await analysis.analyse({
            scope: { entityRef: ref, ownerRef, systemRef },
            ...window,
            caller,
          }),
        ),
      };
    },
  });
}
