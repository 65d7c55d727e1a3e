import {
  Impact,
  IncidentSource,
  Urgency,
} from '@backstage-itsm/plugin-itsm-common';
import { BACKGROUND_TEMPLATES, IncidentTemplate } from './incidentScenarios';
import { RECURRING_TEMPLATES } from './recurringIncidents';

/** An incident still being worked on right now, so the demo shows its banner. */
export interface CurrentIncidentScenario {
  template: IncidentTemplate;
  impact: Impact;
  urgency: Urgency;
  minutesAgo: number;
  source: IncidentSource;
  occurrences: number;
  /** Who works on it; a random member of the owning team when unset. */
  assignee?: string;
  /** Key of the problem it is linked to. */
  problemKey?: string;
}

/** The open P1 and P2, on different components, and two fresh reports nobody has picked up yet. */
export const CURRENT_INCIDENTS: readonly CurrentIncidentScenario[] = [
  {
    template: {
      key: 'payments-acquirer-outage',
      entityRef: 'component:default/payments-api',
      category: 'availability',
      alert: 'PaymentsAuthFailureRate',
      title: m => `Card payments failing for ${m.pct}% of checkouts`,
      description: () =>
        'The primary acquirer answers most authorisation requests with response code 96 (system malfunction). Shoppers cannot pay by card; PayPal and gift cards still work.',
      cause:
        'The primary acquirer has a platform incident and rejects authorisations.',
      resolution:
        'The acquirer recovered; traffic moved back to the primary acquirer.',
      workaround:
        'Routing card traffic to the secondary acquirer in steps of 25%.',
    },
    impact: 1,
    urgency: 1,
    minutesAgo: 42,
    source: 'alertmanager',
    occurrences: 6,
    assignee: 'user:default/alice.nguyen',
  },
  {
    template: RECURRING_TEMPLATES.lagLedger,
    impact: 1,
    urgency: 2,
    minutesAgo: 135,
    source: 'events-v2',
    occurrences: 3,
    assignee: 'user:default/david.okafor',
    problemKey: 'event-bus-lag',
  },
  {
    template: backgroundTemplate('search-missing-products'),
    impact: 2,
    urgency: 3,
    minutesAgo: 18,
    source: 'manual',
    occurrences: 1,
  },
  {
    template: backgroundTemplate('storefront-safari'),
    impact: 3,
    urgency: 3,
    minutesAgo: 50,
    source: 'manual',
    occurrences: 1,
  },
];

function backgroundTemplate(key: string): IncidentTemplate {
  return BACKGROUND_TEMPLATES.find(t => t.key === key)!;
}
