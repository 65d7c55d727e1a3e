import { CSSProperties } from 'react';

// The Backstage theme lets table text break anywhere, so a narrow column
// splits words mid-word ("Unassign-ed"); ours break between words only.
// Its cell padding is also wide enough that seven columns leave a title
// no room at 1024 px, so ours is tighter.
const CELL: CSSProperties = {
  wordBreak: 'normal',
  overflowWrap: 'normal',
  paddingLeft: 12,
  paddingRight: 8,
};

/** A column as narrow as its content, never wrapped: numbers, chips, counts, ages. */
export function narrowColumn() {
  return {
    width: '1%',
    cellStyle: { ...CELL, whiteSpace: 'nowrap' },
    headerStyle: { ...CELL, whiteSpace: 'nowrap' },
  } as const;
}

/**
 * A column whose text wraps between words, taking `width` of the table;
 * give every column a width, or the table shares the rest out equally.
 * `minWidth` is what it keeps on a narrow screen. Free text that may hold
 * commands or addresses longer than the column (`breakLongWords`) breaks
 * those, and only those, instead of widening the table past the screen.
 */
export function textColumn(
  width: string,
  options: { minWidth?: number; breakLongWords?: boolean } = {},
) {
  const style: CSSProperties = {
    ...CELL,
    ...(options.breakLongWords ? { overflowWrap: 'anywhere' } : {}),
  };
  return {
    width,
    ...(options.minWidth ? { minWidth: options.minWidth } : {}),
    cellStyle: style,
    headerStyle: { ...CELL },
  };
}
