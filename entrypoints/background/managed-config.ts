import { z } from 'zod';
import type { Connection } from '../../core/schemas/messages';

/** The backend URL as people paste it: without a trailing slash or /api/v1. */
export const normaliseBackendUrl = (url: string) =>
  url
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api\/v1$/, '');

/**
 * What an administrator sets through policy (public/managed_schema.json). A value Chrome accepted
 * but that is no usable URL is dropped, so agents can still type one, rather than breaking the page.
 */
export const ManagedConfig = z.object({
  backendUrl: z
    .url({ protocol: /^https?$/ })
    .transform(normaliseBackendUrl)
    .optional()
    .catch(undefined),
  tokenHint: z.string().trim().min(1).max(500).optional().catch(undefined),
});
export type ManagedConfig = z.infer<typeof ManagedConfig>;

/** The part of chrome.storage.managed this reads; tests pass a fake. */
export interface ManagedArea {
  get(): Promise<Record<string, unknown>>;
}

/** The policy's settings; none when there is no policy (or the browser has no managed storage). */
export async function readManagedConfig(area: ManagedArea | undefined): Promise<ManagedConfig> {
  try {
    return ManagedConfig.parse((await area?.get()) ?? {});
  } catch {
    return {};
  }
}

/** The connection the background uses: the administrator's URL wins over one saved before the policy came. */
export function withManagedUrl(connection: Connection, managed: ManagedConfig): Connection {
  return managed.backendUrl ? { ...connection, backendUrl: managed.backendUrl } : connection;
}
