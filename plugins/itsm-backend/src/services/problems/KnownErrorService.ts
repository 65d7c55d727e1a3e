import { ConflictError, InputError } from '@backstage/errors';
import {
  ListSort,
  Problem,
  formatProblemNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { ListCursor } from '../../database/listCursor';
import { ProblemRow } from '../../database/tables';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { ProblemRecords, problemRecords } from '../../shared/recordKinds';
import { publishKnownErrorBody } from '@backstage-itsm/plugin-itsm-common';
import { ProblemService } from './ProblemService';

/** The known error database: problems whose root cause and workaround are documented. */
export class KnownErrorService {
  private readonly records: ProblemRecords;

  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      problems: ProblemService;
      now?: () => number;
    },
  ) {
    this.records = problemRecords(deps);
  }

  /** Known errors whose root-cause or affected entity is one of the given. */
  async list(options: {
    entityRefs?: string[];
    text?: string;
    sort?: ListSort;
    after?: ListCursor;
    limit: number;
    caller: Caller;
  }) {
    return this.deps.problems.list({
      filter: {
        knownError: true,
        anyEntityRefs: options.entityRefs,
        text: options.text,
      },
      sort: options.sort,
      after: options.after,
      limit: options.limit,
      caller: options.caller,
    });
  }

  /** Publishes a problem to the known error database. */
  async publish(options: {
    idOrNumber: string;
    input: z.infer<typeof publishKnownErrorBody>;
    caller: Caller;
  }): Promise<Problem> {
    const { input, caller } = options;
    const { row } = await this.records.getForUpdate(options.idOrNumber, caller);
    this.records.assertWritable(row, input.version);
    if (row.known_error) {
      throw new ConflictError(
        `${formatProblemNumber(row.number)} is already a known error`,
      );
    }
    const missing = [
      row.root_cause ? undefined : 'rootCause',
      row.workaround ? undefined : 'workaround',
    ].filter(Boolean);
    if (missing.length > 0) {
      throw new InputError(
        `${missing.join(
          ' and ',
        )}: must be documented before publishing a known error`,
      );
    }
    const now = this.deps.now?.() ?? Date.now();
    const changes: Partial<ProblemRow> = {
      known_error: true,
      known_error_at: now,
      updated_at: now,
    };
    if (input.symptoms) {
      changes.symptoms = input.symptoms;
    }
    return this.records.save({
      row,
      version: input.version,
      changes,
      events: [
        {
          recordType: 'problem',
          recordId: row.id,
          kind: 'field_changed',
          actorRef: caller.actorRef,
          field: 'knownError',
          oldValue: false,
          newValue: true,
          body: 'Published as a known error',
        },
      ],
      now,
    });
  }
}
