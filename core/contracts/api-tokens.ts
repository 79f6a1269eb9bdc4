import { ApiToken, TokenCreate, TokenCreated, TokenListQuery } from '../schemas/admin-people';
import { IdParams, itemsOf } from '../schemas/api';
import { resource } from './contract';

/** API tokens (bearer tokens of the extension and scripts); stored as SHA-256, shown once. */
export const tokens = resource('tokens', 'tokens', {
  list: {
    method: 'get',
    path: '/tokens',
    summary: "Your API tokens, or another agent's (settings.manage in every department they work in); newest first",
    query: TokenListQuery,
    response: itemsOf(ApiToken),
  },
  create: {
    method: 'post',
    path: '/tokens',
    summary: 'Create an API token for an active agent; the answer is the only time the token is shown (no Idempotency-Key)',
    body: TokenCreate,
    response: TokenCreated,
    status: 201,
  },
  revoke: { method: 'delete', path: '/tokens/:id', summary: 'Revoke an API token: it stops working at once', params: IdParams, response: ApiToken },
});
