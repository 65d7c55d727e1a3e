import { useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';

/**
 * A search box's value as typed, and the trimmed words a list searches for,
 * which follow the typing once it pauses for 300 ms.
 */
export function useDebouncedSearch() {
  const [search, setSearch] = useState('');
  const [text, setText] = useState('');
  useDebounce(() => setText(search.trim()), 300, [search]);
  return { search, setSearch, text };
}
