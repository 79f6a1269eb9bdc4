import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance, type Options } from 'ky';
import { fillPath, type Contract, type ContractInput, type ContractOutput } from '../../core/contracts/contract';
import { ApiError } from '../../core/schemas/error';
import type { Connection, MessageError } from '../../core/schemas/messages';

/** A failed backend call: `transient` ones (network, timeout, 5xx, 429) are worth retrying later. */
export class ApiCallError extends Error {
  constructor(
    readonly error: MessageError,
    readonly status: number | null,
    readonly transient: boolean,
    /** What ky threw, so the connection check can tell an unreachable host from a blocked answer. */
    options?: { cause?: unknown },
  ) {
    super(error.message, options);
    this.name = 'ApiCallError';
  }
}

export function apiClient(connection: Connection): KyInstance {
  return ky.create({
    prefix: `${connection.backendUrl.replace(/\/+$/, '')}/api/v1`,
    headers: { Authorization: `Bearer ${connection.token}` },
    timeout: 10_000,
    retry: { limit: 2, methods: ['get'], backoffLimit: 3_000 },
  });
}

function fromHttp(status: number, data: unknown, backendUrl: string): ApiCallError {
  const transient = status >= 500 || status === 429;
  if (status === 401) {
    return new ApiCallError({ code: 'UNAUTHORIZED', message: 'The backend refused the API token (401). Paste a valid token on the options page.' }, status, false);
  }
  const parsed = ApiError.safeParse(data);
  if (parsed.success) return new ApiCallError(parsed.data.error, status, transient);
  // Something answered, but not in our error format: most often a URL that is not the backend's.
  const message = transient
    ? `The backend at ${backendUrl} failed (HTTP ${status}); the change is kept and retried.`
    : `${backendUrl} answered HTTP ${status} and does not look like an Inbox Desk backend: use the address "npm run server -- start" prints, without /api/v1.`;
  return new ApiCallError({ code: 'INTERNAL', message }, status, transient);
}

/** Turns whatever ky threw into one error type with a message an agent can act on. */
export function toApiCallError(error: unknown, backendUrl: string): ApiCallError {
  if (error instanceof ApiCallError) return error;
  const cause = { cause: error };
  if (isHTTPError(error)) {
    const { error: body, status, transient } = fromHttp(error.response.status, error.data, backendUrl);
    return new ApiCallError(body, status, transient, cause);
  }
  if (isTimeoutError(error)) {
    return new ApiCallError({ code: 'INTERNAL', message: `The backend at ${backendUrl} did not answer within 10 seconds.` }, null, true, cause);
  }
  if (isNetworkError(error) || error instanceof TypeError) {
    return new ApiCallError({ code: 'INTERNAL', message: `Cannot reach the backend at ${backendUrl}: check the URL and that the server is running.` }, null, true, cause);
  }
  return new ApiCallError({ code: 'INTERNAL', message: String((error as Error)?.message ?? error) }, null, true, cause);
}

/** Runs requests on the ky client of a connection, every failure mapped to an ApiCallError. */
export async function withApi<T>(connection: Connection, run: (api: KyInstance) => Promise<T>): Promise<T> {
  try {
    return await run(apiClient(connection));
  } catch (error) {
    throw toApiCallError(error, connection.backendUrl);
  }
}

/** What a caller may change per call: a longer timeout (mailbox tests), the Idempotency-Key, no retry. */
export type CallOptions = Pick<Options, 'timeout' | 'headers' | 'retry'>;

export interface ContractRequest {
  method: Contract['method'];
  /** Under /api/v1, with the params filled in. */
  path: string;
  searchParams: Record<string, string>;
  json?: unknown;
}

const refuse = (message: string): never => {
  throw new ApiCallError({ code: 'VALIDATION', message }, null, false);
};

/** Checks one part of a call against the contract, so a wrong call fails here, unsent, with a clear message. */
function checkPart(contract: Contract, part: 'params' | 'query' | 'body', value: unknown): void {
  const schema = contract[part];
  if (!schema) {
    if (value !== undefined) refuse(`${contract.name} takes no ${part}.`);
    return;
  }
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) refuse(`Invalid ${contract.name} ${part}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ')}`);
}

const searchParamsOf = (query: object = {}) => Object.fromEntries(Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])));

/** The parts of a call as the caller wrote them, for callers that hold a contract only by name (outbox entries, admin calls). */
export type ContractParts = { params?: Record<string, unknown>; query?: object; body?: unknown };

/**
 * The request one contract call makes. What the caller wrote is sent, not the parsed value: the
 * server parses it with the same schema, and a parsed value (a transformed query flag) need not be valid input again.
 */
export function requestOf(contract: Contract, { params, query, body }: ContractParts): ContractRequest {
  const request: ContractRequest = { method: contract.method, path: fillPath(contract.path, params), searchParams: searchParamsOf(query) };
  return body === undefined ? request : { ...request, json: body };
}

/**
 * Sends one call, checked against its contract first, and answers the backend's JSON as it came.
 * The outbox needs the answer unparsed: a write the server applied must not be queued again
 * because this version's schema would reject its answer.
 */
export function sendWith(connection: Connection, contract: Contract, parts: ContractParts, options: CallOptions = {}): Promise<unknown> {
  return withApi(connection, async (api) => {
    for (const part of ['params', 'query', 'body'] as const) checkPart(contract, part, parts[part]);
    const { path, ...request } = requestOf(contract, parts);
    return api(path, { ...request, ...options }).json();
  });
}

/** Like sendWith, with the answer parsed by the contract's response schema (a mismatch is an ApiCallError too). */
export async function callParts(connection: Connection, contract: Contract, parts: ContractParts, options: CallOptions = {}): Promise<unknown> {
  const answer = await sendWith(connection, contract, parts, options);
  return withApi(connection, async () => contract.response.parse(answer));
}

/** One backend route through its contract, typed by it: the call is checked first, the answer parsed. */
export function callWith<C extends Contract>(connection: Connection, contract: C, input: ContractInput<C>, options: CallOptions = {}): Promise<ContractOutput<C>> {
  return callParts(connection, contract, input as ContractParts, options) as Promise<ContractOutput<C>>;
}
