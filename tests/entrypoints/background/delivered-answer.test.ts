import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../../core/schemas/job';
import type { MergeResult } from '../../../core/schemas/merge';
import type { SecondaryContacts } from '../../../core/schemas/secondary-contacts';
import { applyDelivered } from '../../../entrypoints/background/delivered-answer';
import { openIndexDb, TicketIndex } from '../../../entrypoints/background/ticket-index';
import { makeTicket } from '../../core/rules/fixtures';

let n = 0;
const link = (threadId: string) => ({ provider: 'gmail' as const, mailbox: 'support@acme.test', threadId });
const freshIndex = async () => {
  const index = new TicketIndex(await openIndexDb(`delivered-test-${++n}`));
  await index.upsert([1, 2, 3].map((id) => makeTicket({ id, number: 1000 + id, webmailThreads: [link(`t${id}`)] })));
  return index;
};

describe('a delivered write updates the index before the sync', () => {
  it('R-MERGE-7 a merge: the primary with every thread, the merged-away tickets pointing at it', async () => {
    const index = await freshIndex();
    const primary = makeTicket({ id: 1, number: 1001, version: 2, webmailThreads: [link('t1'), link('t2'), link('t3')] });
    const answer: MergeResult = { ticket: primary, mergedIds: [2, 3], job: {} as Job };
    await applyDelivered(index, 'merge_tickets', answer);
    const found = await index.byThreads('gmail', 'support@acme.test', ['t1', 't2', 't3']);
    expect([...found.values()].map((t) => t.number)).toEqual([1001, 1001, 1001]);
    expect((await index.get(3))!.mergedIntoId).toBe(1);
  });

  it("a new list of secondary contacts brings the ticket's new version, so the next edit does not conflict", async () => {
    const index = await freshIndex();
    const answer: SecondaryContacts = {
      ticketId: 2,
      version: 7,
      contacts: [{ id: 40, email: 'cc@mailbox.example', name: 'Cc' }],
      ccAddresses: [],
      limit: 20,
      disabledReason: null,
    };
    await applyDelivered(index, 'set_secondary_contacts', answer);
    expect(await index.get(2)).toMatchObject({ version: 7, secondaryContactIds: [40], number: 1002 });
    await applyDelivered(index, 'set_secondary_contacts', { ...answer, ticketId: 99 });
    expect(await index.count()).toBe(3);
  });

  it('an edit replaces the ticket; a job changes nothing until its tickets sync', async () => {
    const index = await freshIndex();
    await applyDelivered(index, 'update_ticket', makeTicket({ id: 2, number: 1002, version: 2, status: 'closed', webmailThreads: [link('t2')] }));
    await applyDelivered(index, 'submit_job', { id: 9, status: 'queued' });
    expect((await index.get(2))!.status).toBe('closed');
    expect(await index.count()).toBe(3);
  });
});
