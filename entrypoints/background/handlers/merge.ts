import { MergePreview, MergeResult } from '../../../core/schemas/merge';
import type { Handlers } from '../router';
import { backend, services } from '../services';
import { queue } from './tickets';

/** "Merge #1002, #1003 into #1001" for the outbox list, by the numbers the index knows. */
async function mergeLabel(ticketIds: number[], primaryId: number): Promise<string> {
  const { index } = await services();
  const numberOf = async (id: number) => `#${(await index.get(id))?.number ?? id}`;
  const others = await Promise.all(ticketIds.filter((id) => id !== primaryId).map(numberOf));
  return `Merge ${others.join(', ')} into ${await numberOf(primaryId)}`;
}

export const mergeHandlers: Handlers<'merge.preview' | 'merge.run'> = {
  'merge.preview': (request) => backend(async (api) => MergePreview.parse(await api.post('merge/preview', { json: request }).json())),
  // R-MERGE-8: cannot be undone, so it must happen exactly once: through the outbox with its idempotency key.
  'merge.run': async (request) => {
    const label = await mergeLabel(request.tickets.map((t) => t.id), request.primaryId);
    const { outboxId, answer } = await queue({ kind: 'merge_tickets', label, method: 'POST', path: 'merge', body: request });
    return { outboxId, result: answer ? MergeResult.parse(answer) : null };
  },
};
