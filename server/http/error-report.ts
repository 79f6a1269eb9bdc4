import { DrizzleQueryError } from 'drizzle-orm/errors';
import { ZodError } from 'zod';
import { ApiFailure } from './api-failure';

/** The fields PostgreSQL (pg's DatabaseError, PGlite's error alike) reports that name schema objects, never values. */
interface DatabaseError {
  code: string;
  table?: string;
  column?: string;
  constraint?: string;
  routine?: string;
}

const isDatabaseError = (error: unknown): error is DatabaseError =>
  typeof error === 'object' && error !== null && typeof (error as DatabaseError).code === 'string' && /^[0-9A-Z]{5}$/.test((error as DatabaseError).code) && 'severity' in error;

/** The database's own error under Drizzle's wrapper, or the error itself when it is one. */
function databaseErrorOf(error: unknown): DatabaseError | undefined {
  if (isDatabaseError(error)) return error;
  if (error instanceof DrizzleQueryError && isDatabaseError(error.cause)) return error.cause;
  return undefined;
}

/** Which schema object refused: "jobs.department_id (jobs_department_id_fk)". */
function whereRefused(db: DatabaseError): string {
  const place = [db.table, db.column].filter(Boolean).join('.');
  return [place, db.constraint ? `(${db.constraint})` : ''].filter(Boolean).join(' ');
}

/**
 * A database refusal caused by what the request sent: data exceptions (class 22: a value out of
 * range, bytes the encoding has no character for, an impossible date), a reference to a row that
 * does not exist (23503) or a value a CHECK refuses (23514). Anything else is the server's fault.
 */
function failureFromDatabase(db: DatabaseError): ApiFailure | undefined {
  const at = whereRefused(db);
  const where = at ? ` at ${at}` : '';
  if (db.code.startsWith('22')) {
    return new ApiFailure(400, 'VALIDATION', `A value of the request cannot be stored${where} (PostgreSQL ${db.code}): check its range and characters.`, undefined, {
      sqlState: db.code,
    });
  }
  if (db.code === '23503') {
    return new ApiFailure(400, 'VALIDATION', `The request refers to something that does not exist${where}.`, undefined, { sqlState: db.code });
  }
  if (db.code === '23514') return new ApiFailure(400, 'VALIDATION', `A value of the request is not allowed${where}.`, undefined, { sqlState: db.code });
  return undefined;
}

/** The structured refusal an error stands for; undefined for a failure of the server (answered 500). */
export function knownFailure(error: unknown): ApiFailure | undefined {
  if (error instanceof ApiFailure) return error;
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return new ApiFailure(400, 'VALIDATION', `The request is invalid — ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, undefined, { issues });
  }
  const db = databaseErrorOf(error);
  return db ? failureFromDatabase(db) : undefined;
}

/** The stack's frames without its first line: for a failed query that line holds the parameters. */
const framesOf = (error: Error) => (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));

/**
 * One error as the log may hold it. A failed query is logged with its SQL text and the database's
 * code and schema names only: its parameters (a mailbox password, a customer's text) and the
 * database's message and detail (which quote values) never reach the log.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `Non-error thrown: ${typeof error}`;
  const db = databaseErrorOf(error);
  if (!db) return error.stack ?? `${error.name}: ${error.message}`;
  const raw = error instanceof DrizzleQueryError ? error.query : (error as { query?: unknown }).query;
  const query = typeof raw === 'string' ? raw : '(unknown)';
  const at = whereRefused(db);
  return [`${error.name}: a query failed with PostgreSQL ${db.code}${db.routine ? ` in ${db.routine}` : ''}${at ? ` at ${at}` : ''}`, `  query: ${query}`, ...framesOf(error)].join(
    '\n',
  );
}
