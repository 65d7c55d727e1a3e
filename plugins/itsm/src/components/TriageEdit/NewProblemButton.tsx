import { useState } from 'react';
import { usePermission } from '@backstage/plugin-permission-react';
import { itsmProblemCreatePermission } from '@backstage-itsm/plugin-itsm-common';
import Button from '@material-ui/core/Button';
import AddIcon from '@material-ui/icons/Add';
import { useNavigate } from 'react-router-dom';
import { useRecordLinks } from '../shared/useRecordLinks';
import { NewProblemDialog } from './NewProblemDialog';

/** "New problem", for those allowed to open one; goes to the new problem. */
export function NewProblemButton(props: { affectedEntityRefs?: string[] }) {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const links = useRecordLinks();
  const canCreate = usePermission({ permission: itsmProblemCreatePermission });
  if (!canCreate.allowed) {
    return null;
  }
  return (
    <>
      <Button
        variant="contained"
        color="primary"
        startIcon={<AddIcon />}
        onClick={() => setOpen(true)}
      >
        New problem
      </Button>
      {open && (
        <NewProblemDialog
          affectedEntityRefs={props.affectedEntityRefs}
          onClose={() => setOpen(false)}
          onCreated={problem => navigate(links.problem(problem.number))}
        />
      )}
    </>
  );
}
