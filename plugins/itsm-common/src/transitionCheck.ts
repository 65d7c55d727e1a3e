/**
 * Outcome of checking a status transition against a lifecycle.
 *
 * @public
 */
export type TransitionCheck<S extends string> =
  | { ok: true }
  | {
      ok: false;
      /** Message fit for a 400 response body. */
      reason: string;
      /** The field that is missing or invalid, when that is the cause. */
      field?: string;
      /** Statuses the record may move to from its current one. */
      allowed: S[];
    };

/** Builds the failure for a move the lifecycle does not allow. */
export function illegalTransition<S extends string>(options: {
  recordType: string;
  from: S;
  to: S;
  allowed: readonly S[];
}): TransitionCheck<S> {
  const { recordType, from, to, allowed } = options;
  const names = allowed.length > 0 ? allowed.join(', ') : 'none';
  return {
    ok: false,
    reason: `cannot move ${recordType} from '${from}' to '${to}'; allowed: ${names}`,
    allowed: [...allowed],
  };
}

/** Builds the failure for a legal move that lacks a required field. */
export function missingField<S extends string>(options: {
  field: string;
  reason: string;
  allowed: readonly S[];
}): TransitionCheck<S> {
  return {
    ok: false,
    reason: options.reason,
    field: options.field,
    allowed: [...options.allowed],
  };
}
