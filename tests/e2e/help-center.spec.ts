import type { Page } from '@playwright/test';
import type { Backend, TicketJson } from './backend';
import { ADMIN, expect, test } from './harness';

const MAILBOX = 'support@demo.example';
/** Its own conversation and people: other walk-throughs share this backend and its SMTP peer. */
const THREAD = '19a0c0ffee00e001';
const CUSTOMER = { email: 'hanna.help@mailbox.example', name: 'Hanna Help' };
const PARTNER = 'partner.e2e@customer.example';
const SUBJECT = 'The router keeps restarting';
const ANSWER = 'please update the router firmware to 2.4.1';
const COMMENT = 'Clear answer, it works again.';

async function supportId(backend: Backend): Promise<number> {
  const me = (await backend.api('GET', '/me', backend.tokens[ADMIN]!)).body;
  return me.departments.find((d: { departmentName: string }) => d.departmentName === 'Support').departmentId;
}

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
async function replyFromList(page: Page, text: string) {
  await page.goto('https://mail.google.com/mail/u/0/');
  const row = page.locator('tr.zA').filter({ has: page.locator(`[data-legacy-thread-id="${THREAD}"]`) });
  await expect(row.locator('inbox-desk-badge')).toBeVisible();
  await row.locator('[role=checkbox]').click();
  await page.getByRole('toolbar', { name: 'Inbox Desk' }).getByRole('button', { name: 'Reply to 1 tickets' }).click();
  const composer = page.getByRole('dialog', { name: 'Bulk reply to 1 tickets' });
  await composer.getByLabel('Message').fill(text);
  await composer.getByRole('button', { name: 'Check and preview' }).click();
  await expect(composer.getByTestId('reply-sample').getByRole('group', { name: 'CC' }).getByRole('checkbox', { name: PARTNER })).toBeChecked();
  await composer.getByRole('button', { name: 'Send to 1 tickets' }).click();
  await expect(composer).toContainText(/recipients delivered/, { timeout: 30_000 });
}

let cleanup: TicketJson | null = null;
test.afterEach(async ({ backend }) => {
  if (!cleanup) return;
  // Other walk-throughs pick rows from the top of the demo list: take ours away again.
  const token = backend.tokens[ADMIN]!;
  const job = await backend.api('POST', '/jobs', token, { operation: 'delete', payload: {}, ticketIds: [cleanup.id], departmentId: cleanup.departmentId });
  expect(job.status).toBe(202);
  await expect.poll(async () => (await backend.api('GET', `/jobs/${job.body.id}`, token)).body.status, { timeout: 30_000 }).toBe('completed');
  cleanup = null;
});

test('Gmail and help center: a CC added in the panel gets the reply, signs in by the mailed link, rates it Good, and the agent sees the rating (R-CC-4, R-CC-5, R-CC-8)', async ({
  backend,
  connect,
  context,
  gmail,
}) => {
  test.setTimeout(180_000);
  const token = backend.tokens[ADMIN]!;
  const support = await supportId(backend);
  // The demo has both on; another walk-through may have left them off.
  for (const features of [{ helpCenter: true }, { cc: true }]) {
    expect((await backend.api('PATCH', `/departments/${support}/features`, token, features)).status).toBe(200);
  }
  const created = await backend.api<TicketJson>('POST', '/tickets', token, {
    departmentId: support,
    channel: 'email',
    subject: SUBJECT,
    contact: CUSTOMER,
    webmailThread: { provider: 'gmail', mailbox: MAILBOX, threadId: THREAD },
    firstThread: { from: `${CUSTOMER.name} <${CUSTOMER.email}>`, to: [MAILBOX], subject: SUBJECT, bodyText: 'It restarts every hour. My partner should hear from you too.' },
  });
  expect(created.status).toBe(201);
  const ticket = (cleanup = created.body);

  // 1. The agent types a new address as a CC in the ticket panel (R-CC-4); it hears of it (R-CC-5).
  await connect(ADMIN);
  const gmailPage = await gmail(`?thread=${THREAD}`);
  await expect(gmailPage.getByRole('heading', { name: `Ticket #${ticket.number}` })).toBeVisible();
  const editor = gmailPage.getByRole('region', { name: 'Secondary contacts (CC)' });
  await editor.getByRole('textbox', { name: 'Address, or search contacts by name' }).fill(PARTNER);
  await editor.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(editor.getByRole('status')).toHaveText('Secondary contacts saved.');
  const notice = await mailTo(backend, PARTNER, /You now follow this ticket as a secondary contact/);
  expect(notice).toContain(`#${ticket.number} ${SUBJECT}`);

  // 2. The agent replies; the CC's copy links to the ticket's help-center page.
  await replyFromList(gmailPage, `Hello {{contact.name}}, ${ANSWER}.`);
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
  await gmailPage.bringToFront();
  await gmailPage.goto(`https://mail.google.com/mail/u/0/?thread=${THREAD}`);
  const ratings = gmailPage.getByRole('region', { name: 'Satisfaction ratings' });
  const rated = ratings.getByRole('listitem').filter({ hasText: PARTNER });
  await expect(rated).toContainText('Good');
  await expect(rated).toContainText(COMMENT);
});
