import { createHash } from 'crypto';
import { Knex } from 'knex';
import { MAX_RECORD_NUMBER } from '@backstage-itsm/plugin-itsm-common';
import { isPostgres } from './dialect';

/** One word of a search: free text, digits, or a record reference. */
export type SearchWord =
  | { kind: 'word'; text: string; prefix: boolean }
  | { kind: 'digits'; text: string; number?: number }
  | { kind: 'reference'; number: number };

/**
 * Where a kind of record is searched. `vector` is the stored text-search
 * vector of migration 20261212100000_word_search.js (PostgreSQL).
 */
export interface SearchTarget {
  vector: string;
  number: string;
  title: string;
  /**
   * Whether `vector` also holds the record's entity as one lexeme
   * (`entityLexeme`), so that words within entities are one index search.
   */
  entityInVector?: boolean;
  /** Every text column, the title first (SQLite). */
  columns: string[];
  /** The number in a reference such as `INC-000311`, or undefined. */
  parseReference(word: string): number | undefined;
}

const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * Splits a search into words: separated by white space, trimmed of the
 * punctuation around them; words without a letter or digit are left out.
 * The last word, which may still be being typed, is a prefix.
 */
export function parseSearchWords(
  text: string,
  parseReference: (word: string) => number | undefined,
): SearchWord[] {
  const words: SearchWord[] = [];
  for (const raw of text.split(/\s+/)) {
    const reference = parseReference(raw);
    const word = raw.replace(EDGE_PUNCTUATION, '').toLocaleLowerCase('en-US');
    if (reference !== undefined) {
      words.push({ kind: 'reference', number: reference });
    } else if (/^\d+$/.test(word)) {
      const number = Number(word);
      words.push({
        kind: 'digits',
        text: word,
        number: number > 0 && number <= MAX_RECORD_NUMBER ? number : undefined,
      });
    } else if (word !== '') {
      words.push({ kind: 'word', text: word, prefix: false });
    }
  }
  const last = words[words.length - 1];
  if (last?.kind === 'word') {
    last.prefix = true;
  }
  return words;
}

/** The record numbers the words name: digits and references. */
export function numbersIn(words: SearchWord[]): number[] {
  return words.flatMap(word =>
    word.kind !== 'word' && word.number !== undefined ? [word.number] : [],
  );
}

/** A word the parser keeps whole beside its parts, as `api-gateway`. */
const HYPHENATED = /^\p{L}[\p{L}\p{N}]*(-\p{L}[\p{L}\p{N}]*)+$/u;
/** A word the parser reads as one token. */
const PLAIN = /^[\p{L}\p{N}]+$/u;

/**
 * The tsquery of the words, as SQL. Words are parsed as the documents were
 * and match whole words (`gateway` finds api-gateway, which the parser splits
 * into api-gateway, api and gateway); the last word is a prefix (`gate` finds
 * gateway; `api-gate` finds api-gateway). Only the last: a prefix makes the
 * index read every entry of every matching word, a tenth of a second for a
 * word in every tenth row of a million. Words are quoted so that their
 * characters are data.
 */
function tsquery(words: SearchWord[]): { sql: string; bindings: string[] } {
  const parsed: string[] = [];
  const whole: string[] = [];
  for (const word of words) {
    if (word.kind === 'digits') {
      parsed.push(quote(word.text));
    } else if (word.kind === 'word' && !word.prefix) {
      parsed.push(quote(word.text));
    } else if (word.kind === 'word' && HYPHENATED.test(word.text)) {
      // Prefix of the whole, which the parser keeps beside the parts.
      whole.push(`${quote(word.text)}:*`);
    } else if (word.kind === 'word') {
      parsed.push(
        PLAIN.test(word.text) ? `${quote(word.text)}:*` : quote(word.text),
      );
    }
  }
  const parts = [
    ...(parsed.length
      ? [{ sql: `to_tsquery('simple'::regconfig, ?)`, text: parsed }]
      : []),
    ...(whole.length ? [{ sql: `?::tsquery`, text: whole }] : []),
  ];
  return {
    sql: parts.map(part => part.sql).join(' && '),
    bindings: parts.map(part => part.text.join(' & ')),
  };
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

function whereAnyColumnLike(
  query: Knex.QueryBuilder,
  columns: string[],
  text: string,
): void {
  query.where(inner => {
    for (const column of columns) {
      inner.orWhereRaw(`LOWER(??) LIKE ? ESCAPE '\\'`, [
        column,
        likePattern(text),
      ]);
    }
  });
}

/**
 * The lexeme the stored vector of an incident holds for its entity: `entity `
 * and the md5 of the ref, as migration 20261212100000_word_search.js computes
 * it. The space keeps it apart from every word, which never holds one.
 */
export function entityLexeme(entityRef: string): string {
  return `entity ${createHash('md5').update(entityRef, 'utf8').digest('hex')}`;
}

/** A tsquery, as text, that any of the entities' lexemes matches. */
function anyEntityTsquery(entityRefs: string[]): string {
  return entityRefs.map(ref => `'${entityLexeme(ref)}'`).join(' | ');
}

/**
 * How PostgreSQL should find the words: through the full-text indexes, or
 * by checking each row the other filters select. The planner prices a GIN
 * scan of a common word far below its cost (hundreds of milliseconds on a
 * million rows), so within a few entities it would read the index for the
 * whole table rather than the entity's few hundred rows.
 */
export type SearchPath = 'index' | 'rows';

/** Keeps PostgreSQL from answering a condition through an index. */
function unindexed(expression: string, path: SearchPath | undefined): string {
  return path === 'rows' ? `coalesce(${expression}, ''::tsvector)` : expression;
}

/**
 * Keeps the records that hold every word, in any order: in their text or as
 * their number. PostgreSQL matches words with its stored text-search vector;
 * SQLite, without one, matches them as substrings of the text.
 */
export function whereWordsMatch(
  query: Knex.QueryBuilder,
  options: {
    db: Knex;
    target: SearchTarget;
    words: SearchWord[];
    path?: SearchPath;
    /**
     * Entities the records are in, already required by the query: with
     * `entityInVector` the index finds the words within them.
     */
    entityRefs?: string[];
  },
): Knex.QueryBuilder {
  const { db, target, words, path, entityRefs } = options;
  for (const word of words) {
    if (word.kind === 'reference') {
      query.where(target.number, word.number);
    }
  }
  if (isPostgres(db)) {
    const { sql, bindings } = tsquery(words);
    if (sql !== '' && target.entityInVector && entityRefs?.length) {
      query.whereRaw(`${target.vector} @@ ((${sql}) && ?::tsquery)`, [
        ...bindings,
        anyEntityTsquery(entityRefs),
      ]);
    } else if (sql !== '') {
      query.whereRaw(`${unindexed(target.vector, path)} @@ (${sql})`, bindings);
    }
    return query;
  }
  for (const word of words) {
    if (word.kind === 'word') {
      whereAnyColumnLike(query, target.columns, word.text);
    } else if (word.kind === 'digits') {
      query.where(inner => {
        whereAnyColumnLike(inner, target.columns, word.text);
        if (word.number !== undefined) {
          inner.orWhere(target.number, word.number);
        }
      });
    }
  }
  return query;
}

/**
 * Keeps (or, with `negate`, leaves out) the records whose title holds every
 * word that is not a reference: the best matches after the numbers.
 */
export function whereTitleHasWords(
  query: Knex.QueryBuilder,
  options: {
    db: Knex;
    target: SearchTarget;
    words: SearchWord[];
    path?: SearchPath;
    negate?: boolean;
  },
): Knex.QueryBuilder {
  const { db, target, words, path, negate } = options;
  const textWords = words.filter(word => word.kind !== 'reference');
  if (textWords.length === 0) {
    return negate ? query.whereRaw('1 = 0') : query;
  }
  const condition = (inner: Knex.QueryBuilder) => {
    if (isPostgres(db)) {
      const { sql, bindings } = tsquery(textWords);
      inner.whereRaw(
        `${unindexed(
          `to_tsvector('simple'::regconfig, ??)`,
          path,
        )} @@ (${sql})`,
        [target.title, ...bindings],
      );
    } else {
      for (const word of textWords) {
        whereAnyColumnLike(inner, [target.title], word.text);
      }
    }
  };
  return negate ? query.whereNot(condition) : query.where(condition);
}
