import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { Db } from '../db/client';
import { ApiFailure } from './api-failure';
import type { AppEnv, AuthContext } from './app-env';
import { withIdempotency } from './idempotency';

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

/** One API route: its contract (zod schemas, also the source of /openapi.json) and where it lives. */
export interface RouteSpec<P = undefined, Q = undefined, B = undefined, R extends Schema = Schema> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /** Public routes skip the bearer token. */
  public?: boolean;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: 200 | 201 | 202;
  /**
   * A POST that changes nothing (a connection test): run outside a transaction and without an
   * Idempotency-Key record, so a slow outside call holds no database lock meanwhile.
   */
  readOnly?: boolean;
}

export interface HandlerInput<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  auth: AuthContext;
  /** For mutations this is the request's transaction: the change and its idempotency record commit together. */
  db: Db;
  c: Context<AppEnv>;
}

export type AnyRouteSpec = RouteSpec<Schema | undefined, Schema | undefined, Schema | undefined, Schema>;

function validate<S extends Schema | undefined>(schema: S, value: unknown, where: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value);
  if (result.success) return result.data as Out<S>;
  const issues = result.error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new ApiFailure(400, 'VALIDATION', `The request is invalid — ${summary}`, undefined, { issues });
}

async function readJson(c: Context<AppEnv>): Promise<{ raw: string; value: unknown }> {
  const raw = await c.req.text();
  if (raw.trim() === '') return { raw, value: {} };
  try {
    return { raw, value: JSON.parse(raw) };
  } catch {
    throw new ApiFailure(400, 'VALIDATION', 'The request body is not valid JSON.');
  }
}

export class Api {
  readonly routes: AnyRouteSpec[] = [];

  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly db: Db,
    private readonly authenticate: MiddlewareHandler<AppEnv>,
  ) {}

  add<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, R extends Schema>(
    spec: RouteSpec<P, Q, B, R>,
    handler: (input: HandlerInput<P, Q, B>) => Promise<z.input<R>>,
  ): void {
    this.routes.push(spec as AnyRouteSpec);
    const guards = spec.public ? [] : [this.authenticate];
    this.app.on([spec.method.toUpperCase()], [spec.path], ...guards, async (c) => {
      const params = validate(spec.params as P, c.req.param(), 'params');
      const query = validate(spec.query as Q, c.req.query(), 'query');
      const { raw, value } = spec.body ? await readJson(c) : { raw: '', value: undefined };
      const body = validate(spec.body as B, value, 'body');
      const auth = c.get('auth');
      const run = (db: Db) => handler({ params, query, body, auth, db, c }).then((out) => spec.response.parse(out));
      const status = spec.status ?? 200;
      if (spec.method === 'get' || spec.readOnly) return c.json(await run(this.db), status);
      const result = await withIdempotency(this.db, c, raw, status, run);
      if (result.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(result.body as object, result.status as 200);
    });
  }
}
