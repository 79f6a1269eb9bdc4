import { adminOps, adminPath, type AdminCall } from '../../../core/schemas/admin-ops';
import { ApiCallError } from '../api-client';
import type { Handlers } from '../router';
import { backend } from '../services';

function refuse(message: string): never {
  throw new ApiCallError({ code: 'VALIDATION', message }, null, false);
}

/** Checks the caller's parts against the operation's schemas, so a wrong call fails here with a clear message. */
function checked(call: AdminCall) {
  const spec = adminOps[call.op];
  const part = (name: 'params' | 'query' | 'body', value: unknown) => {
    const schema = (spec as Partial<Record<typeof name, import('zod').ZodType>>)[name];
    if (!schema) return value === undefined ? undefined : refuse(`${call.op} takes no ${name}.`);
    const parsed = schema.safeParse(value ?? {});
    if (!parsed.success) refuse(`Invalid ${call.op} ${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ')}`);
    return parsed.data;
  };
  return {
    spec,
    params: part('params', call.params) as Record<string, number> | undefined,
    query: part('query', call.query) as Record<string, number | undefined> | undefined,
    body: part('body', call.body),
  };
}

const searchParams = (query: Record<string, number | undefined> = {}) =>
  Object.fromEntries(Object.entries(query).filter((entry): entry is [string, number] => entry[1] !== undefined));

/** Admin console calls go straight to the backend: an admin is at the page to read a refusal and try again. */
export const adminHandlers: Handlers<'admin.call'> = {
  'admin.call': (call) => {
    const { spec, params, query, body } = checked(call);
    const path = adminPath(spec.path, params).replace(/^\//, '');
    return backend(async (api) => {
      const answer = await api(path, { method: spec.method, searchParams: searchParams(query), ...(body === undefined ? {} : { json: body }) }).json();
      return spec.response.parse(answer);
    });
  },
};
