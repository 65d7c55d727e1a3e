import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/** Types words into a record picker and picks the option the server found. */
export async function pickRecord(
  user: ReturnType<typeof userEvent.setup>,
  label: string | RegExp,
  words: string,
  option: RegExp,
) {
  const name =
    typeof label === 'string' ? new RegExp(`^${label}( \\*)?$`) : label;
  await user.type(await screen.findByRole('textbox', { name }), words);
  // The picker waits for typing to pause before it asks the server.
  await user.click(
    await screen.findByRole('option', { name: option }, { timeout: 5000 }),
  );
}
