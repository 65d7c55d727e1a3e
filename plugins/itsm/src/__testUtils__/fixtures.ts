import { Entity } from '@backstage/catalog-model';
import { Incident, Problem } from '@backstage-itsm/plugin-itsm-common';

export const BASE_URL = 'http://localhost:7007/api/itsm';

/** A component that depends on a database, as the catalog returns it. */
export const checkoutEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout-api', namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner: 'checkout-team' },
  relations: [
    { type: 'dependsOn', targetRef: 'resource:default/orders-db' },
    { type: 'ownedBy', targetRef: 'group:default/checkout-team' },
  ],
};

export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    number: 'INC-000001',
    title: 'Checkout is down',
    description: 'HTTP 502 on checkout',
    entityRef: 'component:default/checkout-api',
    ownerRef: 'group:default/checkout-team',
    category: 'availability',
    impact: 1,
    urgency: 1,
    priority: 1,
    major: false,
    declaredAt: null,
    commanderRef: null,
    communicationsLeadRef: null,
    status: 'new',
    holdReason: null,
    assigneeRef: 'user:default/jane.doe',
    reporterRef: 'user:default/john',
    source: 'manual',
    dedupKey: null,
    occurrenceCount: 1,
    workaround: null,
    resolutionCode: null,
    resolutionNotes: null,
    problemId: null,
    duplicateOf: null,
    detectedAt: new Date(Date.now() - 3 * 60 * 60 * 1000).toISOString(),
    acknowledgedAt: null,
    mitigatedAt: null,
    resolvedAt: null,
    closedAt: null,
    createdAt: '2026-11-10T09:00:00Z',
    updatedAt: '2026-11-10T09:00:00Z',
    version: 1,
    ...overrides,
  };
}

export function problem(overrides: Partial<Problem> = {}): Problem {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    number: 'PRB-000001',
    title: 'Connection pool exhausted at peak',
    statement: 'Checkout fails when the orders-db pool runs out',
    entityRef: 'resource:default/orders-db',
    ownerRef: 'group:default/platform-team',
    affectedEntityRefs: ['component:default/checkout-api'],
    category: 'capacity',
    impact: 2,
    urgency: 2,
    priority: 3,
    status: 'root_cause_analysis',
    assigneeRef: null,
    reporterRef: 'user:default/jane.doe',
    rootCause: null,
    rcaMethod: null,
    workaround: null,
    permanentFix: null,
    knownError: false,
    knownErrorAt: null,
    symptoms: null,
    resolutionCode: null,
    resolutionNotes: null,
    duplicateOf: null,
    source: 'from_incident',
    detectionKey: null,
    detectionReason: null,
    incidentCount: 1,
    createdAt: '2026-11-01T09:00:00Z',
    updatedAt: '2026-11-01T09:00:00Z',
    resolvedAt: null,
    closedAt: null,
    version: 1,
    ...overrides,
  };
}

export const emptyPage = { items: [], nextCursor: null };
