/** Whether a failed request was refused because the record changed meanwhile. */
export function isConflict(error: unknown): boolean {
  return (error as { statusCode?: number } | undefined)?.statusCode === 409;
}
