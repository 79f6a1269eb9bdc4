import type { z } from 'zod';

type Schema = z.ZodType;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One API route as both ends see it: the server validates with it and documents it, the background calls it. */
interface ContractSpec {
  method: Method;
  /** Under /api/v1; `:name` segments are filled from `params`. */
  path: string;
  summary: string;
  /** Public routes skip the bearer token. */
  public?: boolean;
  /**
   * Also accepts the inbound secret (INBOUND_DSN_SECRET) as the bearer token: the mail server is
   * no agent. The handler then gets no agent (`auth` is null) and checks what an agent may do itself.
   */
  inboundSecret?: true;
  params?: Schema;
  query?: Schema;
  body?: Schema;
  response: Schema;
  status?: 200 | 201 | 202;
  /**
   * A POST that changes nothing (a connection test): run outside a transaction and without an
   * Idempotency-Key record, so a slow outside call holds no database lock meanwhile.
   */
  readOnly?: boolean;
}

export interface Contract extends ContractSpec {
  /** `resource.member`, e.g. `tickets.update`: how outbox entries and admin.call name a route. */
  name: string;
  /** The OpenAPI tag. */
  tag: string;
}

type Part<C, F extends 'params' | 'query' | 'body'> = C extends Record<F, infer S extends Schema> ? { [P in F]: z.input<S> } : { [P in F]?: never };

/** What a caller passes for one contract: only the parts the route has, as the caller writes them. */
export type ContractInput<C extends Contract> = Part<C, 'params'> & Part<C, 'query'> & Part<C, 'body'>;
/** What the route answers, once parsed with its response schema. */
export type ContractOutput<C extends Contract> = z.output<C['response']>;

type Named<R extends string, M extends Record<string, ContractSpec>> = { [K in keyof M & string]: M[K] & { name: `${R}.${K}`; tag: string } };

/** Declares the routes of one API resource; each gets the name `resource.member`. */
export function resource<const R extends string, const M extends Record<string, ContractSpec>>(name: R, tag: string, members: M): Named<R, M> {
  const named = Object.entries(members).map(([member, spec]) => [member, { ...spec, name: `${name}.${member}`, tag }]);
  return Object.fromEntries(named) as Named<R, M>;
}

/** Fills the `:name` segments of a contract's path; the values were checked by its params schema. */
export function fillPath(path: string, params: Record<string, unknown> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name])));
}

/** The contracts of some resources, by name. */
type ByName<C extends Contract> = { [K in C as K['name']]: K };

export function byName<C extends Contract>(contracts: readonly C[]): ByName<C> {
  return Object.fromEntries(contracts.map((c) => [c.name, c])) as ByName<C>;
}
