import { useEffect, useState } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';

/** How long org-wide views wait for a burst of changes to settle before reloading. */
export const RECORDS_DEBOUNCE_MS = 1500;

/**
 * Counts the signals received on a channel: 0 until the first, then one more
 * for each (or for each burst, when debounced). Views put it among the
 * dependencies of what they load, so they reload when the backend says
 * something changed. Without the signals plugin it stays 0.
 */
export function useSignalRevision(
  channel: string,
  options: { debounceMs?: number } = {},
): number {
  const { debounceMs = 0 } = options;
  const { lastSignal } = useSignal(channel);
  const [revision, setRevision] = useState(0);
  useEffect(() => {
    if (!lastSignal) {
      return undefined;
    }
    if (debounceMs <= 0) {
      setRevision(n => n + 1);
      return undefined;
    }
    const timer = setTimeout(() => setRevision(n => n + 1), debounceMs);
    return () => clearTimeout(timer);
  }, [lastSignal, debounceMs]);
  return revision;
}

/** Signals about one incident or problem, for its own view. */
export function useRecordRevision(
  recordType: 'incident' | 'problem',
  id: string | undefined,
): number {
  return useSignalRevision(`itsm:${recordType}:${id ?? 'loading'}`);
}

function entityChannel(entityRef: string): string {
  return `itsm:entity:${entityRef.toLocaleLowerCase('en-US')}`;
}

/** Signals about the records of one catalog entity, for its tabs, card and banner. */
export function useEntityRevision(entityRef: string): number {
  return useSignalRevision(entityChannel(entityRef));
}

/** Signals about any record, debounced, for organisation-wide views. */
export function useRecordsRevision(): number {
  return useSignalRevision('itsm:records', { debounceMs: RECORDS_DEBOUNCE_MS });
}

/**
 * Signals for an entity page's records: its own channel for a single entity;
 * a system or a group spans many entities, so any change, debounced.
 */
export function useScopeRevision(scope: {
  kind: 'entity' | 'system' | 'group';
  entityRef: string;
}): number {
  const single = scope.kind === 'entity';
  return useSignalRevision(
    single ? entityChannel(scope.entityRef) : 'itsm:records',
    { debounceMs: single ? 0 : RECORDS_DEBOUNCE_MS },
  );
}
