import { Directory } from '../../core/schemas/directory';
import type { Connection } from '../../core/schemas/messages';
import { call } from './api-client';
import type { TicketIndex } from './ticket-index';

const KEY = 'directory';

/** Colleagues and teams, refreshed with every sync and kept for offline use. */
export async function refreshDirectory(index: TicketIndex, connection: Connection): Promise<Directory> {
  const directory = await call(connection, async (api) => Directory.parse(await api.get('directory').json()));
  await index.setMeta(KEY, directory);
  return directory;
}

export async function cachedDirectory(index: TicketIndex, connection: () => Promise<Connection>): Promise<Directory> {
  return (await index.getMeta<Directory>(KEY)) ?? refreshDirectory(index, await connection());
}
