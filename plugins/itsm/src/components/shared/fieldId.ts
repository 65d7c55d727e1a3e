/** A stable DOM id for a form field, so that its label is tied to its input. */
export function fieldId(label: string): string {
  return `itsm-${label
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}
