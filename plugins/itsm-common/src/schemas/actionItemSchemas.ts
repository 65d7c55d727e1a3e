import {
  ACTION_ITEM_KINDS,
  ACTION_ITEM_STATUSES,
  ITSM_RECORD_TYPES,
} from '../types';
import { LIMITS } from '../constants';
import { z } from 'zod';
import {
  entityRefText,
  isoTime,
  oneOf,
  pageQuery,
  queryValue,
  text,
  version,
} from './fields';

/** Body of `POST /action-items`. */
export const createActionItemBody = z
  .object({
    parentType: oneOf(ITSM_RECORD_TYPES),
    parentId: text(64),
    title: text(LIMITS.title),
    ownerRef: entityRefText.optional(),
    dueAt: isoTime.optional(),
    kind: oneOf(ACTION_ITEM_KINDS).default('corrective'),
  })
  .strict();

/** Body of `PATCH /action-items/:id`. */
export const updateActionItemBody = z
  .object({
    version,
    title: text(LIMITS.title).optional(),
    ownerRef: entityRefText.nullable().optional(),
    dueAt: isoTime.nullable().optional(),
    status: oneOf(ACTION_ITEM_STATUSES).optional(),
    kind: oneOf(ACTION_ITEM_KINDS).optional(),
  })
  .strict();

/** Query of `GET /action-items`. */
export const listActionItemsQuery = z
  .object({
    parentType: queryValue(oneOf(ITSM_RECORD_TYPES)),
    parentId: queryValue(text(64)),
    ownerRef: queryValue(entityRefText),
    status: queryValue(oneOf(ACTION_ITEM_STATUSES)),
    overdue: queryValue(
      z.enum(['true', 'false'], {
        error: () => 'must be true or false',
      }),
    ),
    limit: pageQuery.limit,
    cursor: pageQuery.cursor,
  })
  .strict();
