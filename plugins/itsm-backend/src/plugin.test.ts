import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { PROBLEM_DETECTION_TASK_ID } from './services/detection/prepareProblemDetection';
import { itsmPlugin } from './plugin';
import { TEST_ENTITIES } from './__testUtils__/fixtures';

jest.setTimeout(60_000);

const scheduler = mockServices.scheduler.mock();

function backendWith(detection: object, more: object = {}) {
  return startTestBackend({
    features: [
      itsmPlugin,
      mockServices.rootConfig.factory({
        data: { itsm: { detection }, ...more },
      }),
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

  describe('with the demo alert token', () => {
    const nodeEnv = process.env.NODE_ENV;
    afterEach(() => {
      process.env.NODE_ENV = nodeEnv;
    });

    const externalAccess = (token: string) => ({
      backend: {
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: 'a-real-secret-0123456789', subject: 'ci' },
            },
            {
              type: 'static',
              options: { token, subject: 'alertmanager' },
              accessRestrictions: [
                { plugin: 'itsm', permission: 'itsm.alert.ingest' },
              ],
            },
          ],
        },
      },
    });

    it.each(['production', 'staging', ''])(
      'refuses to start when NODE_ENV is %p, naming the key',
      async env => {
        process.env.NODE_ENV = env;
        await expect(
          backendWith(
            { enabled: false },
            externalAccess('itsm-demo-alertmanager-token'),
          ),
        ).rejects.toThrow(
          /backend\.auth\.externalAccess\[1\]\.options\.token is the published demo token/,
        );
      },
    );

    it('refuses the published MCP client token outside development', async () => {
      process.env.NODE_ENV = 'production';
      await expect(
        backendWith({ enabled: false }, externalAccess('itsm-demo-mcp-token')),
      ).rejects.toThrow(/is the published demo token 'itsm-demo-mcp-token'/);
    });

    it('starts in development, where the demo runs', async () => {
      process.env.NODE_ENV = 'development';
      const backend = await backendWith(
        { enabled: false },
        externalAccess('itsm-demo-alertmanager-token'),
      );
      expect(
        (await request(backend.server).get('/api/itsm/health')).status,
      ).toBe(200);
      await backend.stop();
    });

    it('starts in production with a token of its own', async () => {
      process.env.NODE_ENV = 'production';
      const backend = await backendWith(
        { enabled: false },
        externalAccess('s3cr3t-from-the-environment-4f9a'),
      );
      expect(
        (await request(backend.server).get('/api/itsm/health')).status,
      ).toBe(200);
      await backend.stop();
    });
  });
});
