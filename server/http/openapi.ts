import { z } from 'zod';
import { ApiError } from '../../core/schemas/error';
import type { Contract } from '../../core/contracts/contract';

const toJson = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function parametersOf(spec: Contract) {
  const out: object[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const json = toJson(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property });
    }
  }
  return out;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: toJson(ApiError, 'output') } },
});

function operationOf(spec: Contract) {
  return {
    operationId: spec.name,
    summary: spec.summary,
    tags: [spec.tag],
    ...(spec.public ? { security: [] } : {}),
    parameters: [
      ...parametersOf(spec),
      ...(spec.method === 'get' || spec.readOnly ? [] : [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }]),
    ],
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: toJson(spec.body, 'input') } } } } : {}),
    responses: {
      [String(spec.status ?? 200)]: { description: 'Success', content: { 'application/json': { schema: toJson(spec.response, 'output') } } },
      400: errorResponse('VALIDATION: the request does not match the schema; details.issues lists each field path.'),
      ...(spec.public ? {} : { 401: errorResponse('UNAUTHORIZED: missing, unknown or revoked token.') }),
      403: errorResponse('FORBIDDEN: a permission is missing in the department (R-PERM-5).'),
      404: errorResponse('NOT_FOUND'),
      409: errorResponse('CONFLICT: stale version or reused Idempotency-Key.'),
      422: errorResponse('RULE_VIOLATION: a product rule refused it; error.rule is its RULES.md id.'),
    },
  };
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate the requests. */
export function openApiDocument(routes: Contract[], version: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const spec of routes) {
    const path = `/api/v1${spec.path.replace(/:(\w+)/g, '{$1}')}`;
    (paths[path] ??= {})[spec.method] = operationOf(spec);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Inbox Desk API', version },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
