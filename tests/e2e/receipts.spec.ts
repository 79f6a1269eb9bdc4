import type { Backend, TicketJson } from './backend';
import { createTicket, departmentId, runJob, trash } from './data';
import { ADMIN, expect, test } from './harness';

/** This file's own conversation of the demo Gmail mailbox, and its customer. */
const THREAD = '19a0c0ffee00d001';
const CUSTOMER = { email: 'rita.receipt@mailbox.example', name: 'Rita Receipt' };

const setReceipts = async (backend: Backend, department: number, receipts: boolean) =>
  expect((await backend.api('PATCH', `/departments/${department}/features`, backend.tokens[ADMIN]!, { receipts })).status).toBe(200);
const receiptsOn = async (backend: Backend, department: number) => (await backend.api('GET', `/departments/${department}`, backend.tokens[ADMIN]!)).body.features.receipts;

let cleanup: TicketJson[] = [];
test.afterEach(async ({ backend }) => {
  await trash(backend, cleanup);
  cleanup = [];
});

test('an admin turns read receipts on and off per department on the options page (R-RCPT-1)', async ({ backend, connect, options }) => {
  await connect(ADMIN);
  const billing = await departmentId(backend, 'Billing');
  expect(await receiptsOn(backend, billing)).toBe(false);
  const admin = await options('departments');
  const section = admin.features;
  await expect(section).toContainText('never the recipient');
  const box = section.getByRole('checkbox', { name: 'Read receipts in Billing' });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(section.getByRole('status')).toHaveText('Read receipts are on in Billing.');
  expect(await receiptsOn(backend, billing)).toBe(true);
  await box.uncheck();
  await expect(section.getByRole('status')).toHaveText('Read receipts are off in Billing; its receipts are hidden.');
  expect(await receiptsOn(backend, billing)).toBe(false);
});

test('Gmail: a reply is sent, its recipient opens it, and the mark beside the message in the thread changes; off hides it (R-RCPT-7, R-RCPT-9)', async ({
  backend,
  connect,
  gmail,
}) => {
  const support = await departmentId(backend, 'Support');
  expect(await receiptsOn(backend, support)).toBe(true);
  const created = await createTicket(backend, {
    departmentId: support,
    subject: 'Is my order shipped?',
    contact: CUSTOMER,
    gmailThread: THREAD,
    body: 'Order 7781: has it left the warehouse?',
  });
  cleanup = [created];
  await runJob(backend, { operation: 'reply', departmentId: support, ticketIds: [created.id], payload: { body: 'Hello {{contact.name}}, it left today.' } });
  const sent = backend.smtp.received.filter((r) => r.to.includes(CUSTOMER.email));
  expect(sent.map((r) => r.to)).toEqual([[CUSTOMER.email]]);
  const pixel = /<img src="([^"]+\/r\/[A-Za-z0-9_-]{22}\.gif)"/.exec(sent[0]!.mail.html as string)![1]!;

  await connect(ADMIN);
  const inbox = await gmail(`?thread=${THREAD}`);
  const mark = inbox.receiptMarks.getByRole('button');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveAttribute('aria-label', 'Delivered; no open seen yet (some mail clients block receipts, so this does not mean it was not read)');
  await expect(mark).toHaveText('✓');
  await expect(inbox.panel.receipts).toBeVisible();

  // The customer's mail client loads the image: the mark turns to "opened" without reloading the page.
  expect((await fetch(pixel)).status).toBe(200);
  await expect(mark).toHaveAttribute('aria-label', 'Opened by every recipient', { timeout: 25_000 });
  await expect(mark).toHaveText('◉');
  await mark.click();
  const recipients = inbox.receiptMarks.getByRole('list');
  await expect(recipients.getByRole('listitem')).toHaveCount(1);
  await expect(recipients).toContainText(CUSTOMER.email);
  await expect(recipients).toContainText('opened 1 time,');

  await setReceipts(backend, support, false);
  try {
    await expect(inbox.receiptMarks).toHaveCount(0, { timeout: 25_000 });
    await expect(inbox.panel.receipts).toHaveCount(0, { timeout: 25_000 });
  } finally {
    await setReceipts(backend, support, true);
  }
});
