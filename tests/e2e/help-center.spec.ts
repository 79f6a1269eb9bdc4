import type { Backend, TicketJson } from './backend';
import { createTicket, departmentId, trash } from './data';
import { ADMIN, expect, test } from './harness';
import type { GmailInbox } from './pages/gmail-inbox';

/** Its own conversation and people: other walk-throughs share this backend and its SMTP peer. */
const THREAD = '19a0c0ffee00e001';
const CUSTOMER = { email: 'hanna.help@mailbox.example', name: 'Hanna Help' };
const PARTNER = 'partner.e2e@customer.example';
const SUBJECT = 'The router keeps restarting';
const ANSWER = 'please update the router firmware to 2.4.1';
const COMMENT = 'Clear answer, it works again.';

/** The text of the first mail to `address` that matches, once the backend has sent it. */
async function mailTo(backend: Backend, address: string, match: RegExp): Promise<string> {
  let text = '';
  await expect
    .poll(
      () => {
        const found = backend.smtp.received.find((r) => r.to.includes(address) && match.test(`${r.mail.subject ?? ''}\n${r.mail.text ?? ''}`));
        text = found?.mail.text ?? '';
        return text !== '';
      },
      { message: `a mail to ${address} matching ${match}`, timeout: 30_000 },
    )
    .toBe(true);
  return text;
}

function linkIn(text: string, pattern: RegExp): string {
  const link = pattern.exec(text)?.[0];
  expect(link, `a link matching ${pattern} in:\n${text}`).toBeDefined();
  return link!;
}

/** R-REPLY-5: a one-ticket reply through the bulk bar of the Gmail list; the CCs get it too. */
async function replyFromList(inbox: GmailInbox, ticketNumber: number, text: string) {
  await inbox.goto();
  await expect(inbox.badge(THREAD)).toContainText(`#${ticketNumber} `);
  await inbox.select(THREAD);
  const composer = await inbox.bar.openReply(1);
  await composer.message.fill(text);
  await composer.preview();
  await expect(composer.sampleCc.getByRole('checkbox')).toHaveCount(1);
  await expect(composer.sampleCc.getByRole('checkbox', { name: PARTNER })).toBeChecked();
  await composer.send(1);
  // The customer and the CC.
  await composer.expectDelivered(2, 2);
}

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  // Other walk-throughs read the demo list: take ours away again.
  await trash(backend, cleanup);
  cleanup = [];
});

test('Gmail and help center: a CC added in the panel gets the reply, signs in by the mailed link, rates it Good, and the agent sees the rating (R-CC-4, R-CC-5, R-CC-8)', async ({
  backend,
  connect,
  context,
  gmail,
}) => {
  test.setTimeout(180_000);
  const token = backend.tokens[ADMIN]!;
  const support = await departmentId(backend, 'Support');
  // The demo has both on; another walk-through may have left them off.
  for (const features of [{ helpCenter: true }, { cc: true }]) {
    expect((await backend.api('PATCH', `/departments/${support}/features`, token, features)).status).toBe(200);
  }
  const ticket = await createTicket(backend, {
    departmentId: support,
    subject: SUBJECT,
    contact: CUSTOMER,
    gmailThread: THREAD,
    body: 'It restarts every hour. My partner should hear from you too.',
  });
  cleanup = [ticket];

  // 1. The agent types a new address as a CC in the ticket panel (R-CC-4); it hears of it (R-CC-5).
  await connect(ADMIN);
  const inbox = await gmail(`?thread=${THREAD}`);
  await inbox.panel.expectTicket(ticket.number);
  await inbox.panel.cc.add(PARTNER);
  await expect(inbox.panel.cc.status).toHaveText('Secondary contacts saved.');
  const notice = await mailTo(backend, PARTNER, /You now follow this ticket as a secondary contact/);
  expect(notice).toContain(`#${ticket.number} ${SUBJECT}`);

  // 2. The agent replies; the CC's copy links to the ticket's help-center page.
  await replyFromList(inbox, ticket.number, `Hello {{contact.name}}, ${ANSWER}.`);
  const copy = await mailTo(backend, PARTNER, new RegExp(ANSWER));
  const ticketUrl = `${backend.url}/help/${support}/tickets/${ticket.id}`;
  expect(linkIn(copy, /https?:\/\/\S+\/help\/\d+\/tickets\/\d+/)).toBe(ticketUrl);

  // 3. The CC follows that link, signed out: the help center asks for the address and mails a single-use link.
  const help = await context.newPage();
  await help.goto(ticketUrl);
  await expect(help.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await help.getByLabel('E-mail address').fill(PARTNER);
  await help.getByRole('button', { name: 'Send me a sign-in link' }).click();
  await expect(help.getByRole('heading', { name: 'Check your mailbox' })).toBeVisible();
  const signInMail = await mailTo(backend, PARTNER, /Your sign-in link for the Support help center/);
  const signInUrl = linkIn(signInMail, /https?:\/\/\S+\/help\/\d+\/sign-in\/\S+/);

  // Opening the link only shows a button; pressing it signs in and returns to the ticket.
  await help.goto(signInUrl);
  await help.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(help.getByRole('heading', { name: SUBJECT, level: 1 })).toBeVisible();
  const conversation = help.getByRole('region', { name: 'Conversation' });
  await expect(conversation.getByRole('article').filter({ hasText: ANSWER })).toContainText('Support');

  // R-CC-8: a secondary contact rates the reply.
  const rating = help.getByRole('region', { name: 'Rate our support' });
  await rating.getByRole('radio', { name: 'Good' }).check();
  await rating.getByLabel('Comment (optional)').fill(COMMENT);
  await rating.getByRole('button', { name: 'Send rating' }).click();
  await expect(help.getByRole('status')).toHaveText('Thank you for your rating.');
  await expect(help.getByRole('region', { name: 'Rate our support' })).toContainText('Your rating: Good');

  // A sign-in link works once: used again, it says so.
  await help.goto(signInUrl);
  await expect(help.getByRole('heading', { name: 'This link is no longer valid', level: 1 })).toBeVisible();
  await expect(help.getByRole('button', { name: 'Sign in', exact: true })).toHaveCount(0);

  // 4. Back in Gmail, the ticket panel shows the CC's rating.
  await inbox.page.bringToFront();
  await inbox.goto(`?thread=${THREAD}`);
  await expect(inbox.panel.ratings.getByRole('listitem')).toHaveCount(1);
  const rated = inbox.panel.ratings.getByRole('listitem').filter({ hasText: PARTNER });
  await expect(rated).toContainText('Good');
  await expect(rated).toContainText(COMMENT);
});
