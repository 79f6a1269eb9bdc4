import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance } from 'ky';
import { ApiError } from '../../core/schemas/error';
import type { Connection, MessageError } from '../../core/schemas/messages';

/** A failed backend call: `transient` ones (network, timeout, 5xx, 429) are worth retrying later. */
export class ApiCallError extends Error {
  constructor(
    readonly error: MessageError,
    readonly status: number | null,
    readonly transient: boolean,
  ) {
    super(error.message);
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
  if (isHTTPError(error)) return fromHttp(error.response.status, error.data, backendUrl);
  if (isTimeoutError(error)) {
    return new ApiCallError({ code: 'INTERNAL', message: `The backend at ${backendUrl} did not answer within 10 seconds.` }, null, true);
  }
  if (isNetworkError(error) || error instanceof TypeError) {
    return new ApiCallError({ code: 'INTERNAL', message: `Cannot reach the backend at ${backendUrl}: check the URL and that the server is running.` }, null, true);
  }
  return new ApiCallError({ code: 'INTERNAL', message: String((error as Error)?.message ?? error) }, null, true);
}

export async function call<T>(connection: Connection, run: (api: KyInstance) => Promise<T>): Promise<T> {
  try {
    return await run(apiClient(connection));
  } catch (error) {
    throw toApiCallError(error, connection.backendUrl);
  }
}
