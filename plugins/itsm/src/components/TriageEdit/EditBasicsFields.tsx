import Grid from '@material-ui/core/Grid';
import { RequiredTextField } from '../shared/RequiredTextField';
import { CategoryAssigneeFields } from './CategoryAssigneeFields';

/** The fields every record's edit form starts with. */
export interface BasicsDraft {
  title: string;
  category: string;
  assigneeRef: string | null;
}

/**
 * A record's title, its prose field (`textKey`: an incident's description,
 * a problem's statement), category and assignee, as grid items.
 */
export function EditBasicsFields<
  D extends BasicsDraft,
  T extends { [K in keyof D]: D[K] extends string ? K : never }[keyof D],
>(props: {
  draft: D;
  set: <K extends keyof D>(key: K, value: D[K]) => void;
  textKey: T;
  textLabel: string;
}) {
  const { draft, set, textKey, textLabel } = props;
  return (
    <>
      <Grid item xs={12}>
        <RequiredTextField
          id="itsm-edit-title"
          label="Title"
          value={draft.title}
          onChange={value => set('title', value as D['title'])}
        />
      </Grid>
      <Grid item xs={12}>
        <RequiredTextField
          id={`itsm-edit-${String(textKey)}`}
          label={textLabel}
          minRows={3}
          value={draft[textKey] as string}
          onChange={value => set(textKey, value as D[T])}
        />
      </Grid>
      <CategoryAssigneeFields
        category={draft.category}
        onCategoryChange={value => set('category', value as D['category'])}
        assigneeRef={draft.assigneeRef}
        onAssigneeChange={value =>
          set('assigneeRef', value as D['assigneeRef'])
        }
      />
    </>
  );
}
