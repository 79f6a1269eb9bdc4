import type { TicketJson } from './backend';
import { createTicket, departmentId, ticket, trash } from './data';
import { AGENT, expect, test } from './harness';

/** This file's own conversation of the demo Gmail mailbox. */
const THREAD = '19a0c0ffee0e0001';

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test('a change made while the backend is down is delivered exactly once when it is back', async ({ backend, connect, gmail, options }) => {
  const target = await createTicket(backend, {
    departmentId: await departmentId(backend, 'Support'),
    subject: 'Offline walk-through',
    priority: 'medium',
    contact: { email: 'otto.offline@mailbox.example', name: 'Otto Offline' },
    gmailThread: THREAD,
    body: 'Please call me back.',
  });
  cleanup = [target];
  await connect(AGENT);
  const token = backend.tokens[AGENT]!;
  const inbox = await gmail(`?thread=${THREAD}`);
  await inbox.panel.expectTicket(target.number);
  await expect(inbox.panel.priority).toHaveValue('medium');

  await backend.stop();
  await inbox.panel.priority.selectOption('urgent');
  await expect(inbox.panel.queued).toBeVisible();

  const outbox = await options();
  await expect(outbox.pending(`Update ticket #${target.number}`)).toHaveCount(1);

  await backend.start();
  await expect(outbox.outboxEmpty).toBeVisible({ timeout: 60_000 });
  expect(await ticket(backend, target.id, AGENT)).toMatchObject({ priority: 'urgent', version: target.version + 1 });
  const history = await backend.api('GET', `/tickets/${target.id}/history`, token);
  const priorityChanges = history.body.items.filter((h: { changes: Record<string, unknown> }) => 'priority' in h.changes);
  expect(priorityChanges).toHaveLength(1);
});
