import { isNetworkError, isTimeoutError } from 'ky';
import { ZodError } from 'zod';
import { ApiCallError } from './api-client';

/** Why a connection test failed, in the terms of what the person can do about it. */
export type ConnectionFailure =
  | { kind: 'unreachable' }
  | { kind: 'timeout' }
  | { kind: 'notBackend' }
  | { kind: 'tokenRefused' }
  | { kind: 'originRefused'; origin: string }
  | { kind: 'permissionNeeded'; pattern: string };

/** What the diagnosis asks the browser; the background answers with fetch and chrome.permissions. */
export interface ConnectionProbes {
  /** The extension's own origin, which CORS_ORIGINS must list when it lists anything. */
  ownOrigin: string;
  /** Does anything answer at the URL at all (an opaque no-cors request, unreadable but not blocked)? */
  reachable(url: string): Promise<boolean>;
  /** Has Chrome granted the host permission, which exempts the background's calls from CORS? */
  permitted(pattern: string): Promise<boolean>;
}

/** The host permission for a backend: every port of its host, as Chrome's match patterns cannot pin one. */
export const hostPermissionOf = (backendUrl: string) => {
  const url = new URL(backendUrl);
  return `${url.protocol}//${url.hostname}/*`;
};

const refusedOrigin = (details: unknown): string | null => {
  const origin = (details as { refusedOrigin?: unknown } | undefined)?.refusedOrigin;
  return typeof origin === 'string' ? origin : null;
};

/**
 * Turns a failed GET /me into its cause. A network error is ambiguous in a browser: nothing
 * listening and an answer CORS withheld look the same, so an opaque request tells them apart.
 * Null: the backend answered with its own error, whose message is already specific.
 */
export async function diagnose(error: unknown, backendUrl: string, probes: ConnectionProbes): Promise<ConnectionFailure | null> {
  if (!(error instanceof ApiCallError)) return null;
  const { status, cause } = error;
  if (status === 401) return { kind: 'tokenRefused' };
  if (status === 403) {
    const origin = refusedOrigin(error.error.details);
    return origin ? { kind: 'originRefused', origin } : null;
  }
  // A 404 from /api/v1/me, an answer not in our error format, or a body that is not a session: another server.
  if (status === 404 || cause instanceof ZodError || cause instanceof SyntaxError) return { kind: 'notBackend' };
  if (status !== null) return status < 500 && error.error.code === 'INTERNAL' ? { kind: 'notBackend' } : null;
  if (isTimeoutError(cause)) return { kind: 'timeout' };
  if (!(isNetworkError(cause) || cause instanceof TypeError)) return null;
  if (!(await probes.reachable(backendUrl))) return { kind: 'unreachable' };
  const pattern = hostPermissionOf(backendUrl);
  // With the host permission CORS does not apply, so a withheld answer means the backend refuses us.
  return (await probes.permitted(pattern)) ? { kind: 'originRefused', origin: probes.ownOrigin } : { kind: 'permissionNeeded', pattern };
}
