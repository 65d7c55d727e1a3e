import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_PRIORITY_MATRIX } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import { DetectionConfig } from '../services/detection/detectionConfig';
import { ProblemDetector } from '../services/detection/ProblemDetector';
import { TEST_ENTITIES, createTestServices } from './fixtures';

/** The clock of detection tests. */
export const DETECTION_NOW = Date.parse('2026-11-20T12:00:00Z');
export const MIN = 60_000;
export const DAY = 24 * 60 * MIN;
export const DB = 'resource:default/orders-db';

function service(name: string, dependsOn: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner: 'checkout-team', lifecycle: 'production' },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/checkout-team' },
      ...dependsOn.map(targetRef => ({ type: 'dependsOn', targetRef })),
    ],
  };
}

/** The test catalog, with services that share orders-db; two entities carry a title. */
export const DETECTION_ENTITIES: Entity[] = [
  ...TEST_ENTITIES.map(entity =>
    entity.metadata.name === 'checkout-api'
      ? { ...entity, metadata: { ...entity.metadata, title: 'Checkout API' } }
      : entity,
  ),
  service('cart', [DB]),
  service('search', [DB]),
  service('orders', [DB, 'component:default/payments-api']),
  service('emails', []),
];

/** Every rule on, with small thresholds. */
export const DETECTION_RULES: DetectionConfig = {
  enabled: true,
  frequency: { minutes: 5 },
  lookbackMs: 30 * DAY,
  repeatedIncidents: { minIncidents: 3, windowMs: 14 * DAY },
  sharedDependency: { minComponents: 3, windowMs: 60 * MIN },
  majorIncidents: true,
};

/** A migrated database with a detector, the services, and readers of proposals and links. */
export async function setupDetection(
  knex: Knex,
  rules: Partial<DetectionConfig> = {},
) {
  await applyDatabaseMigrations(knex);
  let number = 0;
  const detector = () =>
    new ProblemDetector({
      db: knex,
      catalog: catalogServiceMock({ entities: DETECTION_ENTITIES }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      config: { ...DETECTION_RULES, ...rules },
      priorityMatrix: DEFAULT_PRIORITY_MATRIX,
      now: () => DETECTION_NOW,
    });
  const { services } = createTestServices(knex, {
    now: () => DETECTION_NOW,
    entities: DETECTION_ENTITIES,
  });
  const proposals = () =>
    knex('itsm_problems').where({ source: 'detected' }).orderBy('number');
  const linkedTo = async (problemId: string) =>
    (
      await knex('itsm_incidents')
        .where({ problem_id: problemId })
        .orderBy('number')
        .select('number')
    ).map(row => Number(row.number));
  /** Inserts an incident numbered in order; impact and urgency follow the priority unless given. */
  const insertIncident = async (options: {
    entity: string;
    category?: string;
    at: number;
    priority?: number;
    impact?: number;
    urgency?: number;
    status?: string;
  }): Promise<string> => {
    number += 1;
    const id = `50000000-0000-4000-8000-${String(number).padStart(12, '0')}`;
    const priority = options.priority ?? 3;
    await knex('itsm_incidents').insert({
      id,
      number,
      title: `Incident ${number}`,
      description: 'Fixture',
      entity_ref: `component:default/${options.entity}`,
      owner_ref: 'group:default/checkout-team',
      category: options.category ?? 'availability',
      impact: options.impact ?? (priority === 1 ? 1 : 2),
      urgency: options.urgency ?? (priority === 1 ? 1 : 2),
      priority,
      status: options.status ?? 'new',
      reporter_ref: 'user:default/ben',
      source: 'manual',
      detected_at: options.at,
      created_at: options.at,
      updated_at: options.at,
    });
    await knex('itsm_sequences')
      .where({ name: 'incident' })
      .update({ last_value: number });
    return id;
  };
  return { knex, detector, services, proposals, linkedTo, insertIncident };
}
