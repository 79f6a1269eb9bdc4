import type { Handlers } from '../router';
import { cachedDirectory } from '../directory-cache';
import { services } from '../services';

export const housekeepingHandlers: Handlers<'outbox.list' | 'outbox.retry' | 'sync.now' | 'directory.get'> = {
  'outbox.list': async () => {
    const { outbox } = await services();
    const items = await outbox.list();
    return {
      items: items.map(({ id, kind, label, status, attempts, lastError, createdAt }) => ({ id, kind, label, status, attempts, lastError: lastError?.message ?? null, createdAt })),
    };
  },
  'outbox.retry': async ({ id }) => {
    const { outbox } = await services();
    return { ok: await outbox.retry(id) };
  },
  'sync.now': async () => ({ changed: await (await services()).sync() }),
  'directory.get': async () => {
    const { index, connection } = await services();
    return cachedDirectory(index, connection);
  },
};
