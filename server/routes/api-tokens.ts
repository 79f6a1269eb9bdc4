import * as contracts from '../../core/contracts';
import { createToken, listTokens, revokeToken } from '../admin/api-tokens';
import type { Api } from '../http/route';

export function apiTokenRoutes(api: Api) {
  api.add(contracts.tokens.list, async ({ db, auth, query }) => ({ items: await listTokens(db, auth, query.agentId ?? auth.agent.id) }));
  api.add(contracts.tokens.create, ({ db, auth, body, c }) => createToken(db, auth, body, c.req.header('Idempotency-Key')));
  api.add(contracts.tokens.revoke, ({ db, auth, params }) => revokeToken(db, auth, params.id));
}
