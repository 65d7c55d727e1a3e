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
  queryFlag,
  queryValue,
  text,
  version,
} from './fields';

/**
 * Body of `POST /action-items`.
 *
 * @public
 */
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

/**
 * Fields of a new action item, as a client sends them.
 *
 * @public
 */
export type CreateActionItemRequest = z.input<typeof createActionItemBody>;

/**
 * The record an action item belongs to, by which action items are listed.
 *
 * @public
 */
export type ActionItemParent = Pick<
  CreateActionItemRequest,
  'parentType' | 'parentId'
>;

/**
 * Body of `PATCH /action-items/:id`.
 *
 * @public
 */
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

/**
 * Changes to an action item; `version` guards against lost updates.
 *
 * @public
 */
export type UpdateActionItemRequest = z.input<typeof updateActionItemBody>;

/**
 * Query of `GET /action-items`.
 *
 * @public
 */
export const listActionItemsQuery = z
  .object({
    parentType: queryValue(oneOf(ITSM_RECORD_TYPES)),
    parentId: queryValue(text(64)),
    ownerRef: queryValue(entityRefText),
    status: queryValue(oneOf(ACTION_ITEM_STATUSES)),
    overdue: queryFlag,
    limit: pageQuery.limit,
    cursor: pageQuery.cursor,
  })
  .strict()
  .superRefine((query, ctx) => {
    if (query.parentId && !query.parentType) {
      ctx.addIssue({
        code: 'custom',
        path: ['parentId'],
        message: 'needs parentType (incident or problem) beside it',
      });
    }
  });

/**
 * Filters and page of the action item list, as a client sends them.
 *
 * @public
 */
export type ActionItemListQuery = z.input<typeof listActionItemsQuery>;
