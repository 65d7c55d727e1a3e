import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * Route of the ITSM page; incident and problem views live below it.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'itsm' });
