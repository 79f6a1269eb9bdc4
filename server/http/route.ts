import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { Contract } from '../../core/contracts/contract';
import type { Db } from '../db/client';
import { ApiFailure } from './api-failure';
import type { AppEnv, AuthContext } from './app-env';
import { withIdempotency } from './idempotency';

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;
/** The parsed value of one part of a contract's request; undefined when the route has no such part. */
type PartOf<C, F extends 'params' | 'query' | 'body'> = C extends Record<F, infer S extends Schema> ? z.output<S> : undefined;

export interface HandlerInput<C extends Contract> {
  params: PartOf<C, 'params'>;
  query: PartOf<C, 'query'>;
  body: PartOf<C, 'body'>;
  /** Null only on a route that accepts the inbound secret, when the secret authenticated the request. */
  auth: C extends { inboundSecret: true } ? AuthContext | null : AuthContext;
  /** For mutations this is the request's transaction: the change and its idempotency record commit together. */
  db: Db;
  c: Context<AppEnv>;
}

function validate<S extends Schema | undefined>(schema: S, value: unknown, where: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value);
  if (result.success) return result.data as Out<S>;
  const issues = result.error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new ApiFailure(400, 'VALIDATION', `The request is invalid — ${summary}`, undefined, { issues });
}

/** An answer outside the route's own response schema is the server's fault (a 500), not the request's. */
function answerOf(spec: Contract, out: unknown): unknown {
  const result = spec.response.safeParse(out);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(`${spec.name} answered outside its response schema — ${issues}`);
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

/** Serves the contracts of core/contracts; `routes` lists those registered, for /openapi.json. */
export class Api {
  readonly routes: Contract[] = [];

  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly db: Db,
    private readonly authenticate: MiddlewareHandler<AppEnv>,
    /** For the routes that also take the inbound secret: it, or else an agent's token. */
    private readonly authenticateInbound: MiddlewareHandler<AppEnv>,
  ) {}

  add<C extends Contract>(spec: C, handler: (input: HandlerInput<C>) => Promise<z.input<C['response']>>): void {
    this.routes.push(spec);
    const guards = spec.public ? [] : [spec.inboundSecret ? this.authenticateInbound : this.authenticate];
    this.app.on([spec.method.toUpperCase()], [spec.path], ...guards, async (c) => {
      const params = validate(spec.params, c.req.param(), 'params') as PartOf<C, 'params'>;
      const query = validate(spec.query, c.req.query(), 'query') as PartOf<C, 'query'>;
      const { raw, value } = spec.body ? await readJson(c) : { raw: '', value: undefined };
      const body = validate(spec.body, value, 'body') as PartOf<C, 'body'>;
      const auth = (c.get('auth') ?? null) as HandlerInput<C>['auth'];
      const run = (db: Db) => handler({ params, query, body, auth, db, c }).then((out) => answerOf(spec, out));
      const status = spec.status ?? 200;
      if (spec.method === 'get' || spec.readOnly) return c.json(await run(this.db), status);
      const result = await withIdempotency(this.db, c, raw, status, run);
      if (result.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json(result.body as object, result.status as 200);
    });
  }
}
