import type { Db } from '../db/client';
import type { tickets } from '../db/schema';
import type { JobRow, TicketRow } from '../db/rows';

export type TicketSet = Partial<typeof tickets.$inferInsert>;

/** What one operation did to one ticket: columns to set, and the history entry. */
export interface ItemChange {
  set: TicketSet;
  action: string;
  changes: Record<string, unknown>;
}

export interface ItemContext {
  tx: Db;
  job: JobRow;
  ticket: TicketRow;
}

/** A refusal for one ticket: the job goes on, and the reason is shown beside the ticket. */
export class ItemFailure extends Error {
  override name = 'ItemFailure';
}

export type Executor = (ctx: ItemContext) => Promise<ItemChange>;

/** Why a ticket can no longer be processed as submitted; the same words for bulk and mass jobs. */
export const VIEW_CHANGED = {
  gone: 'The ticket was deleted meanwhile.',
  merged: 'View changed: the ticket was merged into another ticket meanwhile.',
  trashed: 'View changed: the ticket was deleted meanwhile.',
  moved: 'View changed: the ticket was moved to another department meanwhile.',
} as const;
