/** True when a value is a string with at least one non-whitespace character. */
export function hasText(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
