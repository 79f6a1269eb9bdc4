import type { MergeResult } from '../../core/schemas/merge';
import type { Ticket } from '../../core/schemas/ticket';
import type { OutboxEntry } from './outbox-entry';
import type { TicketIndex } from './ticket-index';

/**
 * What a delivered write's answer tells the index before the next sync: badges change at once.
 * No parsing here: this runs after the entry left the outbox, and a throw would queue it again.
 */
export async function applyDelivered(index: TicketIndex, kind: OutboxEntry['kind'], answer: unknown): Promise<void> {
  switch (kind) {
    case 'create_ticket':
    case 'update_ticket':
      return index.upsert([answer as Ticket]);
    case 'merge_tickets': {
      // R-MERGE-7: the merged-away tickets' threads now belong to the primary.
      const { ticket, mergedIds } = answer as MergeResult;
      await index.upsert([ticket]);
      return index.markMerged(ticket.id, mergedIds);
    }
    case 'submit_job':
      // A job's answer is the job; its tickets change later and arrive with the sync.
      return;
  }
}
