import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';

export interface RecordedEvent {
  eventId: string;
  severityLevel?: string;
  meta?: JsonObject;
  actorHeader?: string;
  outcome?: 'succeeded' | 'failed';
  outcomeMeta?: JsonObject;
  error?: Error;
}

/** An auditor mock that keeps each event with how it ended. */
export function recordingAuditor() {
  const events: RecordedEvent[] = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const event: RecordedEvent = {
        eventId: options.eventId,
        severityLevel: options.severityLevel,
        meta: options.meta,
        actorHeader: options.request?.headers.authorization,
      };
      events.push(event);
      return {
        success: async params => {
          event.outcome = 'succeeded';
          event.outcomeMeta = params?.meta;
        },
        fail: async params => {
          event.outcome = 'failed';
          event.outcomeMeta = params.meta;
          event.error = params.error;
        },
      };
    },
  });
  return { auditor, events };
}
