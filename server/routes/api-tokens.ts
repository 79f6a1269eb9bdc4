import { z } from 'zod';
import { ApiToken, TokenCreate, TokenCreated } from '../../core/schemas/admin-people';
import { IdParams } from '../../core/schemas/api';
import { IdParam } from '../../core/schemas/common';
import { createToken, listTokens, revokeToken } from '../admin/api-tokens';
import type { Api } from '../http/route';

const tag = 'tokens';
const TokenQuery = z.object({ agentId: IdParam.optional() }).strict();

/** API tokens (bearer tokens of the extension and scripts); stored as SHA-256, shown once. */
export function apiTokenRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/tokens', tag, summary: "Your API tokens, or another agent's (settings.manage in every department they work in); newest first", query: TokenQuery, response: z.object({ items: z.array(ApiToken) }) },
    async ({ db, auth, query }) => ({ items: await listTokens(db, auth, query.agentId ?? auth.agent.id) }),
  );
  api.add(
    { method: 'post', path: '/tokens', tag, summary: 'Create an API token for an active agent; the answer is the only time the token is shown (no Idempotency-Key)', body: TokenCreate, response: TokenCreated, status: 201 },
    ({ db, auth, body, c }) => createToken(db, auth, body, c.req.header('Idempotency-Key')),
  );
  api.add(
    { method: 'delete', path: '/tokens/:id', tag, summary: 'Revoke an API token: it stops working at once', params: IdParams, response: ApiToken },
    ({ db, auth, params }) => revokeToken(db, auth, params.id),
  );
}
