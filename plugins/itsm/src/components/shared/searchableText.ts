/** The words to search for, or undefined when there is no letter or digit to match. */
export function searchableText(typed: string): string | undefined {
  const text = typed.trim();
  return /[\p{L}\p{N}]/u.test(text) ? text : undefined;
}
