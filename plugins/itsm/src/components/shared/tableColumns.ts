import { CSSProperties } from 'react';

// The Backstage theme lets table text break anywhere, so a narrow column
// splits words mid-word ("Unassign-ed"); ours break between words only.
const WHOLE_WORDS: CSSProperties = {
  wordBreak: 'normal',
  overflowWrap: 'normal',
};

/** A column as narrow as its content, never wrapped: numbers, chips, counts, ages. */
export function narrowColumn() {
  return {
    width: '1%',
    cellStyle: { ...WHOLE_WORDS, whiteSpace: 'nowrap' },
    headerStyle: { ...WHOLE_WORDS, whiteSpace: 'nowrap' },
  } as const;
}

/**
 * A column whose text wraps between words. `width` is its share of what
 * the narrow columns leave; the title column takes the largest.
 */
export function wrappingColumn(width?: string) {
  return {
    ...(width ? { width } : {}),
    cellStyle: { ...WHOLE_WORDS },
    headerStyle: { ...WHOLE_WORDS },
  };
}
