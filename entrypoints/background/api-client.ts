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

function fromHttp(status: number, data: unknown): ApiCallError {
  const parsed = ApiError.safeParse(data);
  const error: MessageError = parsed.success
    ? parsed.data.error
    : { code: status === 401 ? 'UNAUTHORIZED' : 'INTERNAL', message: `The backend answered HTTP ${status}.` };
  if (status === 401) error.message = 'The backend refused the API token (401). Paste a valid token on the options page.';
  return new ApiCallError(error, status, status >= 500 || status === 429);
}

/** Turns whatever ky threw into one error type with a message an agent can act on. */
export function toApiCallError(error: unknown, backendUrl: string): ApiCallError {
  if (error instanceof ApiCallError) return error;
  if (isHTTPError(error)) return fromHttp(error.response.status, error.data);
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
