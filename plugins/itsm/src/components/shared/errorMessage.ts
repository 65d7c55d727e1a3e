import { isForbidden } from './ItsmErrorPanel';

/** One-line explanation of a failed action, for inline alerts in forms. */
export function errorMessage(error: Error): string {
  if (isForbidden(error)) {
    return "You don't have permission to do this. The entity's owners, the assignee and ITSM administrators can.";
  }
  const status = (error as { statusCode?: number }).statusCode;
  const body = (error as { body?: { error?: { message?: string } } }).body;
  const message = body?.error?.message ?? error.message;
  if (status === 409) {
    return `Someone else changed this record meanwhile; reload to see their change. (${message})`;
  }
  return message;
}
