import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { AuthenticationError } from '@backstage/errors';
import { Request } from 'express';

/** Who is making a request: credentials for downstream calls and the ref recorded as actor. */
export interface Caller {
  credentials: BackstageCredentials;
  actorRef: string;
}

/** Reads the caller's identity; never trusts a body for it. */
export async function callerOf(
  httpAuth: HttpAuthService,
  req: Request,
): Promise<Caller> {
  const credentials = await httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  return callerOfCredentials(credentials);
}

/**
 * The caller behind credentials a platform service already checked, such as
 * an action's; like {@link callerOf}, only users and services may act.
 */
export function callerOfCredentials(credentials: BackstageCredentials): Caller {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type !== 'user' && principal.type !== 'service') {
    throw new AuthenticationError(
      `A ${principal.type} principal may not use ITSM; sign in or use a service token`,
    );
  }
  const actorRef =
    principal.type === 'user'
      ? principal.userEntityRef!
      : `service:${principal.subject}`;
  return { credentials, actorRef };
}
