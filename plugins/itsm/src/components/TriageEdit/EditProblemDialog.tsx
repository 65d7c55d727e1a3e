import { useApi } from '@backstage/core-plugin-api';
import {
  Problem,
  UpdateProblemRequest,
} from '@backstage-itsm/plugin-itsm-common';
import Grid from '@material-ui/core/Grid';
import { itsmApiRef } from '../../api';
import { useConflictAwareSave } from '../shared/useConflictAwareSave';
import { useRecordDraft } from '../shared/useRecordDraft';
import { AffectedEntitiesEditor } from './AffectedEntitiesEditor';
import { EditBasicsFields } from './EditBasicsFields';
import { EditRecordDialog } from './EditRecordDialog';

interface Draft {
  title: string;
  statement: string;
  category: string;
  assigneeRef: string | null;
  affectedEntityRefs: string[];
}

function draftOf(problem: Problem): Draft {
  return {
    title: problem.title,
    statement: problem.statement,
    category: problem.category,
    assigneeRef: problem.assigneeRef,
    affectedEntityRefs: problem.affectedEntityRefs,
  };
}

function sameRefs(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every(ref => b.includes(ref));
}

/** Only the fields the user changed; affected services go as the whole new list. */
function changesOf(
  problem: Problem,
  draft: Draft,
): Omit<UpdateProblemRequest, 'version'> {
  const changes: Omit<UpdateProblemRequest, 'version'> = {};
  if (draft.title.trim() !== problem.title) changes.title = draft.title.trim();
  if (draft.statement.trim() !== problem.statement) {
    changes.statement = draft.statement.trim();
  }
  if (draft.category !== problem.category) changes.category = draft.category;
  if (draft.assigneeRef !== problem.assigneeRef) {
    changes.assigneeRef = draft.assigneeRef;
  }
  if (!sameRefs(draft.affectedEntityRefs, problem.affectedEntityRefs)) {
    changes.affectedEntityRefs = draft.affectedEntityRefs;
  }
  return changes;
}

/**
 * Edits a problem's title, statement, category, assignee and affected
 * services. When someone else saved first, the view reloads their version.
 */
export function EditProblemDialog(props: {
  problem: Problem;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { problem, onClose, onSaved } = props;
  const itsmApi = useApi(itsmApiRef);
  const { draft, set } = useRecordDraft(problem, draftOf);
  const changes = changesOf(problem, draft);
  const complete = draft.title.trim() !== '' && draft.statement.trim() !== '';

  const { conflict, saving, save } = useConflictAwareSave(
    {
      save: () =>
        itsmApi.updateProblem(problem.id, {
          version: problem.version,
          ...changes,
        }),
      onSaved,
      onClose,
    },
    [itsmApi, problem, changes],
  );

  return (
    <EditRecordDialog
      number={problem.number}
      onClose={onClose}
      conflict={conflict}
      saving={saving}
      canSave={complete && Object.keys(changes).length > 0}
      onSave={save}
    >
      <EditBasicsFields
        draft={draft}
        set={set}
        textKey="statement"
        textLabel="Problem statement"
      />
      <Grid item xs={12}>
        <AffectedEntitiesEditor
          value={draft.affectedEntityRefs}
          onChange={value => set('affectedEntityRefs', value)}
        />
      </Grid>
    </EditRecordDialog>
  );
}
