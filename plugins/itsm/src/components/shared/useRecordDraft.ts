import { useEffect, useState } from 'react';

/**
 * A form's copy of a record's editable fields. A reload of the record, such
 * as after a conflict, brings its values into the form.
 */
export function useRecordDraft<R, D>(record: R, draftOf: (record: R) => D) {
  const [draft, setDraft] = useState<D>(() => draftOf(record));
  // draftOf is a module-level function; only a new record resets the form.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setDraft(draftOf(record)), [record]);
  const set = <K extends keyof D>(key: K, value: D[K]) =>
    setDraft(prev => ({ ...prev, [key]: value }));
  return { draft, set };
}
