/**
 * The name and definition of the known-error figure, the same on the
 * overview card and in the reliability figures, as the backend counts it.
 */
export const KNOWN_ERRORS_IN_EFFECT = {
  label: 'Known errors in effect',
  hint: 'published, rooted here or hurting it, not closed',
};
