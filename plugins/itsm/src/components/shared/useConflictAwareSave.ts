import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { isConflict } from './isConflict';

/**
 * Saves an edit of a versioned record. On a 409 the form stays open and the
 * view reloads the other person's version, with `conflict` set; otherwise a
 * save reloads the view and closes the form.
 */
export function useConflictAwareSave(
  options: {
    save: () => Promise<unknown>;
    onSaved: () => void;
    onClose: () => void;
  },
  deps: unknown[],
) {
  const { save, onSaved, onClose } = options;
  const [conflict, setConflict] = useState(false);
  const [saving, run] = useAsyncFn(async () => {
    setConflict(false);
    try {
      await save();
    } catch (error) {
      if (isConflict(error)) {
        setConflict(true);
        onSaved();
        return;
      }
      throw error;
    }
    onSaved();
    onClose();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, onSaved, onClose]);
  return { conflict, saving, save: run };
}
