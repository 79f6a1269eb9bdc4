import { directory as directoryRoutes } from '../../core/contracts/directory';
import type { Directory } from '../../core/schemas/directory';
import type { Connection } from '../../core/schemas/messages';
import { callWith } from './api-client';
import { DIRECTORY_KEY, type TicketIndex } from './ticket-index';

/** Colleagues and teams, refreshed with every sync and kept for offline use. */
export async function refreshDirectory(index: TicketIndex, connection: Connection): Promise<Directory> {
  const directory = await callWith(connection, directoryRoutes.get, {});
  await index.setMeta(DIRECTORY_KEY, directory);
  return directory;
}

export async function cachedDirectory(index: TicketIndex, connection: () => Promise<Connection>): Promise<Directory> {
  return (await index.getMeta<Directory>(DIRECTORY_KEY)) ?? refreshDirectory(index, await connection());
}
