import { connectExtension, extensionIdOf, launchChromium } from '../../scripts/extension-browser';
import type { TicketJson } from './backend';
import { createTicket, departmentId, trash } from './data';
import { AGENT, expect, LEAD, routeWebmail, test } from './harness';
import { GmailInbox } from './pages/gmail-inbox';

/** This file's own conversation of the demo Gmail mailbox. */
const THREAD = '19a0c0ffee0e2901';
/** The demo seed's names of AGENT and LEAD (server/db/seed/people.ts). */
const AGENT_NAME = '田中 健太';
const LEAD_NAME = 'Daniel Okafor';

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test('Gmail: two agents on one ticket see each other within 5 seconds: viewing, then replying while the composer has text, then gone when the panel closes', async ({
  backend,
  connect,
  gmail,
}) => {
  const support = await departmentId(backend, 'Support', AGENT);
  const ticket = await createTicket(
    backend,
    { departmentId: support, subject: 'Two agents, one parcel', contact: { email: 'pat.presence@mailbox.example', name: 'Pat Presence' }, gmailThread: THREAD, body: 'Any news?' },
    AGENT,
  );
  cleanup = [ticket];

  await connect(AGENT);
  const mine = await gmail(`?thread=${THREAD}`);
  await mine.panel.expectTicket(ticket.number);

  // The lead works in another browser with their own extension and token.
  const other = await launchChromium();
  try {
    await routeWebmail(other, backend);
    await extensionIdOf(other);
    await connectExtension(other, backend.url, backend.tokens[LEAD]!);
    const theirs = new GmailInbox(await other.newPage());
    await theirs.goto(`?thread=${THREAD}`);
    await theirs.panel.expectTicket(ticket.number);

    const seenByMe = mine.panel.root.getByTestId('ticket-presence');
    const seenByLead = theirs.panel.root.getByTestId('ticket-presence');
    await expect(seenByMe).toHaveText(`${LEAD_NAME} is viewing this ticket`, { timeout: 5_000 });
    await expect(seenByLead).toHaveText(`${AGENT_NAME} is viewing this ticket`, { timeout: 5_000 });

    await theirs.panel.root.getByRole('button', { name: 'Reply', exact: true }).click();
    await theirs.panel.root
      .getByRole('dialog', { name: `Reply to ticket #${ticket.number}` })
      .getByRole('textbox', { name: 'Message' })
      .fill('I have this one.');
    await expect(seenByMe).toHaveText(`${LEAD_NAME} is replying`, { timeout: 5_000 });

    await theirs.page.close();
    // Leaving the page says goodbye at once; were that message lost, the heartbeat runs out within 15 s.
    await expect(seenByMe).toBeHidden({ timeout: 20_000 });
  } finally {
    await other.close();
  }
});
