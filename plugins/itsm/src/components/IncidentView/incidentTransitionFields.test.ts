import { incidentTransitionPrompt } from './incidentTransitionFields';

describe('incidentTransitionPrompt', () => {
  const holdReasons = (problemId: string | null) =>
    incidentTransitionPrompt('on_hold', { problemId })
      .fields.find(field => field.name === 'holdReason')!
      .options!.map(option => option.value);

  it('offers "Awaiting problem" only when a problem is linked', () => {
    expect(holdReasons(null)).toEqual([
      'awaiting_change',
      'awaiting_vendor',
      'awaiting_caller',
    ]);
    expect(holdReasons('1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809')).toEqual([
      'awaiting_problem',
      'awaiting_change',
      'awaiting_vendor',
      'awaiting_caller',
    ]);
  });
});
