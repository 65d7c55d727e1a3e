import { useState } from 'react';
import { Incident, Problem } from '@backstage-itsm/plugin-itsm-common';
import Button from '@material-ui/core/Button';
import EditIcon from '@material-ui/icons/Edit';
import { EditIncidentDialog } from './EditIncidentDialog';
import { EditProblemDialog } from './EditProblemDialog';

function EditButton(props: { label: string; onClick: () => void }) {
  return (
    <Button
      variant="outlined"
      startIcon={<EditIcon />}
      aria-label={props.label}
      onClick={props.onClick}
    >
      Edit
    </Button>
  );
}

/** Opens the edit dialog of an incident; `onSaved` reloads the view. */
export function EditIncidentButton(props: {
  incident: Incident;
  onSaved: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <EditButton
        label={`Edit ${props.incident.number}`}
        onClick={() => setOpen(true)}
      />
      {open && (
        <EditIncidentDialog
          incident={props.incident}
          onSaved={props.onSaved}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

/** Opens the edit dialog of a problem; `onSaved` reloads the view. */
export function EditProblemButton(props: {
  problem: Problem;
  onSaved: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <EditButton
        label={`Edit ${props.problem.number}`}
        onClick={() => setOpen(true)}
      />
      {open && (
        <EditProblemDialog
          problem={props.problem}
          onSaved={props.onSaved}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
