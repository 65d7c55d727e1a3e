import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { PROBLEM_DETECTION_TASK_ID } from './services/detection/prepareProblemDetection';
import { itsmPlugin } from './plugin';
import { TEST_ENTITIES } from './__testUtils__/fixtures';

jest.setTimeout(60_000);

const scheduler = mockServices.scheduler.mock();

function backendWith(detection: object) {
  return startTestBackend({
    features: [
      itsmPlugin,
      mockServices.rootConfig.factory({ data: { itsm: { detection } } }),
      catalogServiceMock.factory({ entities: TEST_ENTITIES }),
      scheduler.factory,
    ],
  });
}

describe('itsmPlugin', () => {
  it('refuses to start with a bad detection rule, naming the key', async () => {
    await expect(
      backendWith({ enabled: true, repeatedIncidents: { minIncidents: 1 } }),
    ).rejects.toThrow(
      'Invalid config itsm.detection.repeatedIncidents.minIncidents: must be an integer of at least 2',
    );
  });

  it('schedules detection as one global task when enabled', async () => {
    const backend = await backendWith({
      enabled: true,
      frequency: { minutes: 10 },
      repeatedIncidents: {},
    });
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: PROBLEM_DETECTION_TASK_ID,
        scope: 'global',
        frequency: { minutes: 10 },
      }),
    );
    await backend.stop();
  });

  it('schedules no detection when it is off', async () => {
    scheduler.scheduleTask.mockClear();
    const backend = await backendWith({ enabled: false });
    expect(scheduler.scheduleTask).not.toHaveBeenCalledWith(
      expect.objectContaining({ id: 'itsm-problem-detection' }),
    );
    await backend.stop();
  });
});
