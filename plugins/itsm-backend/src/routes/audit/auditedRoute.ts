import {
  AuditorService,
  AuditorServiceEvent,
} from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import { NextFunction, Request, Response } from 'express';
import {
  ITSM_AUDIT_EVENTS,
  ItsmAuditEventId,
} from '../../shared/audit/auditEvents';
import { resultMeta } from '../../shared/audit/resultMeta';

/** A route handler as the plugin's routers take them. */
export type RouteHandler = (
  req: Request,
  res: Response,
  next: NextFunction,
) => Promise<void> | void;

/**
 * Wraps a mutating route's handler so that each call is one auditor event:
 * initiated on arrival, succeeded with the record it wrote, or failed with
 * the error (401 and 403 included).
 */
export type AuditedRoute = (
  eventId: ItsmAuditEventId,
  handler: RouteHandler,
) => RouteHandler;

function paramsMeta(req: Request): JsonObject {
  const params = { ...req.params };
  return Object.keys(params).length > 0 ? { params } : {};
}

/**
 * The auditor resolves the request's credentials to name the actor; a
 * token it cannot read must still leave a failed event, so the event then
 * starts without the request and says so.
 */
async function startEvent(
  auditor: AuditorService,
  eventId: ItsmAuditEventId,
  req: Request,
): Promise<AuditorServiceEvent> {
  const options = {
    eventId,
    severityLevel: ITSM_AUDIT_EVENTS[eventId],
    meta: paramsMeta(req),
  };
  try {
    return await auditor.createEvent({ ...options, request: req });
  } catch {
    return auditor.createEvent({
      ...options,
      meta: {
        ...options.meta,
        unreadableCredentials: true,
        method: req.method,
        url: req.originalUrl,
      },
    });
  }
}

/** Keeps what the handler answers with, for the success event. */
function captureJson(res: Response): { body?: unknown } {
  const sent: { body?: unknown } = {};
  const json = res.json.bind(res);
  res.json = body => {
    sent.body = body;
    return json(body);
  };
  return sent;
}

/** Builds the wrapper every mutating route declares with its event id. */
export function auditedRoute(options: {
  auditor: AuditorService;
}): AuditedRoute {
  const { auditor } = options;
  return (eventId, handler) => async (req, res, next) => {
    const event = await startEvent(auditor, eventId, req);
    const sent = captureJson(res);
    try {
      await handler(req, res, next);
    } catch (error) {
      await event.fail({ error: toError(error) });
      throw error;
    }
    await event.success({ meta: resultMeta(sent.body) });
  };
}
