import { mockServices } from '@backstage/backend-test-utils';
import { InputError, NotFoundError } from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import { errorHandler } from './errorHandler';

class DatabaseError extends Error {}

function appThrowing(error: unknown) {
  const router = Router();
  router.use(express.json());
  router.get('/fails', async () => {
    throw error;
  });
  router.post('/parses', (_req, res) => {
    res.json({});
  });
  router.use(errorHandler({ logger: mockServices.logger.mock() }));
  return express().use(router);
}

describe('errorHandler', () => {
  const nodeEnv = process.env.NODE_ENV;

  beforeEach(() => {
    // The platform's handler would show stack traces here.
    process.env.NODE_ENV = 'development';
  });

  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('answers Backstage error bodies with the status of the error type and no stack trace', async () => {
    const res = await request(
      appThrowing(new InputError('impact: must be 1, 2 or 3')),
    ).get('/fails?x=1');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { name: 'InputError', message: 'impact: must be 1, 2 or 3' },
      request: { method: 'GET', url: '/fails?x=1' },
      response: { statusCode: 400 },
    });
  });

  it('leaves no stack trace in the causes either', async () => {
    const res = await request(
      appThrowing(new NotFoundError('No incident', new Error('deeper'))),
    ).get('/fails');
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({
      name: 'NotFoundError',
      message: 'No incident; caused by Error: deeper',
      cause: { name: 'Error', message: 'deeper' },
    });
  });

  it('keeps the status a body parser gives its errors', async () => {
    const res = await request(appThrowing(new Error('unused')))
      .post('/parses')
      .set('Content-Type', 'application/json')
      .send('{not json');
    expect(res.status).toBe(400);
    expect(res.body.error.stack).toBeUndefined();
  });

  it('hides database errors and thrown non-errors behind a log reference', async () => {
    for (const thrown of [
      new DatabaseError('relation "x" does not exist'),
      'text',
    ]) {
      const res = await request(appThrowing(thrown)).get('/fails');
      expect(res.status).toBe(500);
      expect(res.body.error).toEqual({
        name: 'Error',
        message: expect.stringMatching(
          /^An internal error occurred logId=\w+$/,
        ),
      });
    }
  });
});
