import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Problem } from '@backstage-itsm/plugin-itsm-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { itsmApiRef } from '../../api';

/** An incident that another problem holds, and the backend's words for it. */
export interface HeldElsewhere {
  incident: string;
  message: string;
}

function conflictMessage(error: unknown): string | undefined {
  const { statusCode, body, message } = error as {
    statusCode?: number;
    body?: { error?: { message?: string } };
    message?: string;
  };
  return statusCode === 409 ? body?.error?.message ?? message : undefined;
}

/**
 * Links an incident by number. When another problem holds it, the 409 is
 * kept as `heldElsewhere` rather than thrown, so the view can offer to move
 * it here; `link(number, { move: true })` does that.
 */
export function useLinkIncident(options: {
  problem: Problem;
  onLinked: () => void;
}) {
  const { problem, onLinked } = options;
  const itsmApi = useApi(itsmApiRef);
  const [heldElsewhere, setHeldElsewhere] = useState<HeldElsewhere>();
  const [state, link] = useAsyncFn(
    async (incident: string, move = false) => {
      setHeldElsewhere(undefined);
      try {
        await itsmApi.linkIncident(
          problem.id,
          incident,
          move ? { holdIncident: false, move } : { holdIncident: false },
        );
      } catch (error) {
        const message = conflictMessage(error);
        if (!move && message) {
          const held = await itsmApi.getIncident(incident).catch(() => null);
          if (held?.problemId && held.problemId !== problem.id) {
            setHeldElsewhere({ incident, message });
            return false;
          }
        }
        throw error;
      }
      onLinked();
      return true;
    },
    [itsmApi, problem.id, onLinked],
  );
  return { state, link, heldElsewhere };
}
