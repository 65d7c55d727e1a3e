import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
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
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  const actorRef =
    principal.type === 'user'
      ? principal.userEntityRef!
      : `service:${principal.subject}`;
  return { credentials, actorRef };
}
