import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { Knex } from 'knex';
import { listMigrations } from '../database/migrations';

export async function createRouter(options: {
  httpAuth: HttpAuthService;
  knex: Knex;
}): Promise<express.Router> {
  const { knex } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', async (_req, res) => {
    res.json({ status: 'ok', migrations: await listMigrations(knex) });
  });

  return router;
}
