import type { MergeResult } from '../../core/schemas/merge';
import type { SecondaryContacts } from '../../core/schemas/secondary-contacts';
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
    case 'set_secondary_contacts': {
      // The ticket's new version at once: an edit in the panel right after must not meet a conflict.
      const { ticketId, version, contacts } = answer as SecondaryContacts;
      const local = await index.get(ticketId);
      if (local) await index.upsert([{ ...local, version, secondaryContactIds: contacts.map((c) => c.id) }]);
      return;
    }
    case 'submit_job':
      // A job's answer is the job; its tickets change later and arrive with the sync.
      return;
  }
}
