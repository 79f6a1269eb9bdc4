import { merge } from '../../../core/contracts/merge';
import { MergeResult } from '../../../core/schemas/merge';
import { writeTo } from '../outbox-entry';
import type { Handlers } from '../router';
import { call, services } from '../services';
import { queue } from './tickets';

/** "Merge #1002, #1003 into #1001" for the outbox list, by the numbers the index knows. */
async function mergeLabel(ticketIds: number[], primaryId: number): Promise<string> {
  const { index } = await services();
  const numberOf = async (id: number) => `#${(await index.get(id))?.number ?? id}`;
  const others = await Promise.all(ticketIds.filter((id) => id !== primaryId).map(numberOf));
  return `Merge ${others.join(', ')} into ${await numberOf(primaryId)}`;
}

export const mergeHandlers: Handlers<'merge.preview' | 'merge.run'> = {
  'merge.preview': (request) => call(merge.preview, { body: request }),
  // R-MERGE-8: cannot be undone, so it must happen exactly once: through the outbox with its idempotency key.
  'merge.run': async (request) => {
    const label = await mergeLabel(
      request.tickets.map((t) => t.id),
      request.primaryId,
    );
    const { outboxId, answer } = await queue({ kind: 'merge_tickets', label, ...writeTo(merge.run, { body: request }) });
    return { outboxId, result: answer ? MergeResult.parse(answer) : null };
  },
};
