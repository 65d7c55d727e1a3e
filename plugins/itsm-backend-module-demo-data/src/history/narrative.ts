import { HoldReason } from '@backstage-itsm/plugin-itsm-common';
import { formatClock } from './time';

/** Internal notes that fit any incident. */
export const GENERIC_NOTES: readonly string[] = [
  'Joined the incident channel; going through dashboards and recent changes.',
  'No deployment on this service in the last 24 hours; checking its dependencies.',
  'Customer service confirms shopper reports; linked their tickets in the channel.',
  'Paged the secondary on-call for a second pair of eyes.',
  'The graphs show the start at the same minute as the first report; nothing in the change log.',
];

/** Internal notes for each category. */
export const CATEGORY_NOTES: Readonly<Record<string, readonly string[]>> = {
  availability: [
    'Health checks flap on some pods only; comparing them with the healthy ones.',
    'Errors come from the service itself, not from the load balancer.',
  ],
  performance: [
    'Traces put the extra time in one downstream call; collecting a CPU profile.',
    'Latency rises with traffic: saturation rather than a code change.',
  ],
  data: [
    'Exported the affected records for reconciliation; finance is informed.',
    'Query for the affected records is in the channel; the count is not growing any more.',
  ],
  security: [
    'Security team informed; logs are preserved for the investigation.',
    'No sign of successful access so far; watching the audit log.',
  ],
  deployment: [
    'Compared the release with the previous one; a configuration change looks suspicious.',
    'Rollout paused while we check the new pods.',
  ],
  capacity: [
    'Usage grew faster than forecast this week; checking what changed.',
    'Headroom is below 10%; preparing to scale out.',
  ],
  dependency: [
    'The vendor status page shows nothing yet; opened a ticket with them.',
    'Errors come from the dependency; our own service is healthy.',
  ],
  configuration: [
    'The change log shows a configuration push shortly before the start.',
    'Diffed the running configuration with the repository; one value differs.',
  ],
};

/** Why an incident was cancelled instead of resolved. */
export const CANCEL_NOTES: readonly string[] = [
  'False alarm: a load test crossed the alert threshold. Cancelling.',
  'Same issue as an incident the team is already working on. Cancelling this one.',
  'Expected behaviour during the announced maintenance window. Cancelling.',
];

/** Internal note written when an incident is put on hold. */
export function holdNote(reason: HoldReason, problemNumber?: string): string {
  switch (reason) {
    case 'awaiting_vendor':
      return 'Waiting for the vendor to confirm the fix on their side.';
    case 'awaiting_change':
      return 'The fix needs the next change window; change request raised.';
    case 'awaiting_caller':
      return 'Asked the reporter for a HAR file and the exact time of the failure.';
    default:
      return `Waiting for the root cause fix tracked in ${problemNumber}.`;
  }
}

/** Resolution notes for the codes that do not come from the incident's template. */
export const GENERIC_RESOLUTIONS = {
  not_reproducible:
    'Could not reproduce; metrics have been at baseline since the alert. Added logging to catch it next time.',
  resolved_by_caller:
    'The reporter confirmed the issue is gone; no change was needed on our side.',
} as const;

/** Phases of a public status update, in the order they are posted. */
export type UpdatePhase =
  | 'investigating'
  | 'update'
  | 'identified'
  | 'mitigated'
  | 'resolved';

/** Text of a public status update. */
export function statusUpdate(options: {
  phase: UpdatePhase;
  title: string;
  service: string;
  cause: string;
  workaround?: string;
  at: number;
}): string {
  const { phase, title, service, cause, workaround, at } = options;
  switch (phase) {
    case 'investigating':
      return `Investigating: ${title}. We are looking into it and will post the next update within 30 minutes.`;
    case 'update':
      return `Update: work on ${service} continues; the impact is unchanged. Next update within 30 minutes.`;
    case 'identified':
      return `Identified: ${cause} We are working on a fix.`;
    case 'mitigated':
      return `Mitigated: ${
        workaround ?? 'a workaround is in place.'
      } Error rates are recovering and we keep monitoring.`;
    default:
      return `Resolved: ${service} has worked normally since ${formatClock(
        at,
      )}. A post-incident review will follow.`;
  }
}

/** Customer impact of an incident, by category, for postmortems. */
export const CATEGORY_IMPACT: Readonly<Record<string, string>> = {
  availability:
    'Shoppers saw errors and could not complete the affected journey.',
  performance:
    'Pages and API calls were slow; some shoppers abandoned their session.',
  data: 'Some records were wrong and had to be corrected afterwards.',
  security:
    'No customer data was accessed; some customers had to reset their password.',
  deployment: 'Shoppers saw errors while the faulty release was live.',
  capacity: 'Requests failed or slowed down while the service was saturated.',
  dependency: 'Features that rely on the dependency failed or were delayed.',
  configuration:
    'Shoppers got the wrong behaviour until the configuration was fixed.',
};

/** A lesson for the postmortem, by category. */
export const CATEGORY_LESSONS: Readonly<Record<string, string>> = {
  availability:
    'Our alert fired on the symptom only; a check on the dependency would have pointed at the cause sooner.',
  performance:
    'We had no latency budget per downstream call, so it took time to see where the time went.',
  data: 'Nothing compared the data with its source; we learned about it from customers.',
  security:
    'Rate limits were per IP only, which a distributed attack walks around.',
  deployment:
    'The change passed CI because staging does not have the production configuration.',
  capacity: 'Capacity planning did not include the latest traffic forecast.',
  dependency:
    'We depended on the vendor without a fallback or a circuit breaker.',
  configuration:
    'Configuration changes bypass the review that code changes get.',
};

/** Postmortem action item titles by category; `{service}` is replaced. */
export const CATEGORY_ACTIONS: Readonly<
  Record<string, ReadonlyArray<readonly [string, 'corrective' | 'preventive']>>
> = {
  availability: [
    ['Add a canary stage to the {service} rollout', 'preventive'],
    ['Alert on the {service} 5xx rate above 1% for 5 minutes', 'preventive'],
    ['Write a runbook entry for this failure mode of {service}', 'corrective'],
  ],
  performance: [
    ['Load test {service} at twice the last peak', 'preventive'],
    [
      'Set a latency budget for each downstream call of {service}',
      'corrective',
    ],
    ['Add p99 latency panels per route for {service}', 'preventive'],
  ],
  data: [
    ['Add a daily consistency check for {service}', 'preventive'],
    ['Correct the affected records of {service}', 'corrective'],
  ],
  security: [
    [
      'Rate limit by account as well as by IP in front of {service}',
      'corrective',
    ],
    ['Run a tabletop exercise for this attack on {service}', 'preventive'],
  ],
  deployment: [
    [
      'Check production configuration keys in the {service} pipeline',
      'preventive',
    ],
    ['Make {service} fail fast on missing configuration', 'corrective'],
  ],
  capacity: [
    ['Add {service} to the quarterly capacity review', 'preventive'],
    ['Raise the autoscaling limits of {service}', 'corrective'],
  ],
  dependency: [
    ['Add a circuit breaker around the vendor call in {service}', 'corrective'],
    [
      'Agree on incident notifications with the vendor of {service}',
      'preventive',
    ],
  ],
  configuration: [
    ['Require review for configuration changes of {service}', 'preventive'],
    ['Lint the {service} configuration in CI', 'corrective'],
  ],
};
