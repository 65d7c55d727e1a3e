import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { Knex } from 'knex';
import { ItsmRuleQuery } from '../permissions/resources';

/** Adds a permission decision's criteria to a query as a WHERE clause. */
export function whereCriteria(
  query: Knex.QueryBuilder,
  criteria: PermissionCriteria<ItsmRuleQuery>,
): void {
  if (isAndCriteria(criteria)) {
    query.where(inner => {
      for (const item of criteria.allOf) {
        inner.andWhere(sub => whereCriteria(sub, item));
      }
    });
  } else if (isOrCriteria(criteria)) {
    query.where(inner => {
      for (const item of criteria.anyOf) {
        inner.orWhere(sub => whereCriteria(sub, item));
      }
    });
  } else if (isNotCriteria(criteria)) {
    query.whereNot(inner => whereCriteria(inner, criteria.not));
  } else if (criteria.values.length === 0) {
    query.whereRaw('1 = 0');
  } else {
    query.whereIn(criteria.column, criteria.values);
  }
}
