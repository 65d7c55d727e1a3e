import { mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { auditedRoute } from './auditedRoute';

function appWith(auditor: ReturnType<typeof mockServices.auditor.mock>) {
  const audit = auditedRoute({ auditor });
  const router = Router();
  router.post(
    '/incidents/:id/notes',
    audit('incident-note', async (req, res) => {
      if (req.query.deny) {
        throw new NotAllowedError('Denied');
      }
      res.status(201).json({ id: 'n1', body: 'free text stays out' });
    }),
  );
  const app = express();
  app.use(router);
  app.use((error: Error, _req: any, res: express.Response, _next: unknown) => {
    res.status(error.name === 'NotAllowedError' ? 403 : 500).end();
  });
  return app;
}

describe('auditedRoute', () => {
  const success = jest.fn();
  const fail = jest.fn();
  const auditor = mockServices.auditor.mock();

  beforeEach(() => {
    jest.resetAllMocks();
    auditor.createEvent.mockResolvedValue({ success, fail });
  });

  it('records the answer of a handler that succeeds, without its free text', async () => {
    await request(appWith(auditor)).post('/incidents/INC-000001/notes');
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'incident-note',
        severityLevel: 'medium',
        meta: { params: { id: 'INC-000001' } },
      }),
    );
    expect(success).toHaveBeenCalledWith({ meta: { id: 'n1' } });
    expect(fail).not.toHaveBeenCalled();
  });

  it('records the error of a handler that throws and passes it on', async () => {
    const res = await request(appWith(auditor)).post(
      '/incidents/INC-000001/notes?deny=1',
    );
    expect(res.status).toBe(403);
    expect(fail).toHaveBeenCalledWith({
      error: expect.objectContaining({ name: 'NotAllowedError' }),
    });
    expect(success).not.toHaveBeenCalled();
  });

  it('still records an event when the auditor cannot read the credentials', async () => {
    auditor.createEvent.mockImplementation(async options => {
      if (options.request) {
        throw new Error('Could not resolve credentials');
      }
      return { success, fail };
    });
    const res = await request(appWith(auditor)).post(
      '/incidents/INC-000001/notes?deny=1',
    );
    expect(res.status).toBe(403);
    expect(auditor.createEvent).toHaveBeenLastCalledWith({
      eventId: 'incident-note',
      severityLevel: 'medium',
      meta: {
        params: { id: 'INC-000001' },
        unreadableCredentials: true,
        method: 'POST',
        url: '/incidents/INC-000001/notes?deny=1',
      },
    });
    expect(fail).toHaveBeenCalledTimes(1);
  });
});
