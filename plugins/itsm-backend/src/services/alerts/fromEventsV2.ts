import { randomUUID } from 'crypto';
import { z } from 'zod';
import { eventsV2Body } from '@backstage-itsm/plugin-itsm-common';
import {
  AlertAction,
  IncomingAlert,
  alertDescription,
  alertSeverity,
  alertTitle,
  parseAlertTime,
} from './incomingAlert';

type EventsV2 = z.infer<typeof eventsV2Body>;

const ACTIONS: Record<EventsV2['event_action'], AlertAction> = {
  trigger: 'trigger',
  acknowledge: 'acknowledge',
  resolve: 'resolve',
};

/** Custom details that are flat values can route like labels. */
function flatDetails(details: unknown): Record<string, string> {
  if (typeof details !== 'object' || details === null) {
    return {};
  }
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(details)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) {
      flat[key] = String(value);
    }
  }
  return flat;
}

function describeDetails(details: unknown): string | undefined {
  if (details === undefined || details === null) {
    return undefined;
  }
  return typeof details === 'string'
    ? details
    : `Details: ${JSON.stringify(details, null, 2)}`;
}

/**
 * The alert of a PagerDuty Events API v2 event. A trigger without a
 * `dedup_key` gets one, as PagerDuty does, and the caller answers with it.
 */
export function fromEventsV2(
  event: EventsV2,
  options: { defaultSeverity: string },
): IncomingAlert {
  const payload = event.payload;
  const labels: Record<string, string> = {
    ...flatDetails(payload?.custom_details),
  };
  for (const key of ['source', 'component', 'group', 'class'] as const) {
    const value = payload?.[key];
    if (value) {
      labels[key] = value;
    }
  }
  const summary = payload?.summary ?? event.dedup_key ?? 'Event';
  return {
    source: 'events-v2',
    action: ACTIONS[event.event_action],
    dedupKey: event.dedup_key ?? randomUUID(),
    title: alertTitle(summary),
    description: alertDescription([
      summary,
      payload &&
        `Source: ${payload.source}${
          payload.component ? `, component: ${payload.component}` : ''
        }${payload.group ? `, group: ${payload.group}` : ''}${
          payload.class ? `, class: ${payload.class}` : ''
        }`,
      describeDetails(payload?.custom_details),
      event.client_url &&
        `Client: ${event.client ? `${event.client} ` : ''}${event.client_url}`,
    ]),
    severity: alertSeverity(payload?.severity ?? options.defaultSeverity),
    labels,
    at: parseAlertTime(payload?.timestamp),
  };
}
