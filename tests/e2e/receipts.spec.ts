import type { Backend, TicketJson } from './backend';
import { ADMIN, expect, test } from './harness';

const MAILBOX = 'support@demo.example';
const THREAD = '19a0c0ffee00d001';
const CUSTOMER = { email: 'rita.receipt@mailbox.example', name: 'Rita Receipt' };

async function departmentId(backend: Backend, name: string): Promise<number> {
  const me = (await backend.api('GET', '/me', backend.tokens[ADMIN]!)).body;
  return me.departments.find((d: { departmentName: string }) => d.departmentName === name).departmentId;
}

const setReceipts = async (backend: Backend, department: number, receipts: boolean) =>
  expect((await backend.api('PATCH', `/departments/${department}/features`, backend.tokens[ADMIN]!, { receipts })).status).toBe(200);

test('an admin turns read receipts on and off per department on the options page (R-RCPT-1)', async ({ backend, connect, context, extensionId }) => {
  await connect(ADMIN);
  const billing = await departmentId(backend, 'Billing');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html#departments`);
  const section = options.getByRole('region', { name: 'Receipts, help center and CC' });
  await expect(section).toContainText('never the recipient');
  const box = section.getByRole('checkbox', { name: 'Read receipts in Billing' });
  await expect(box).not.toBeChecked();
  await box.check();
  await expect(section.getByRole('status')).toHaveText('Read receipts are on in Billing.');
  expect((await backend.api('GET', `/departments/${billing}`, backend.tokens[ADMIN]!)).body.features.receipts).toBe(true);
  await box.uncheck();
  await expect(section.getByRole('status')).toHaveText('Read receipts are off in Billing; its receipts are hidden.');
  expect((await backend.api('GET', `/departments/${billing}`, backend.tokens[ADMIN]!)).body.features.receipts).toBe(false);
});

test('Gmail: a reply is sent, its recipient opens it, and the mark beside the message in the thread changes; off hides it (R-RCPT-7, R-RCPT-9)', async ({ backend, connect, gmail }) => {
  const token = backend.tokens[ADMIN]!;
  const support = await departmentId(backend, 'Support');
  const created = await backend.api<TicketJson>('POST', '/tickets', token, {
    departmentId: support,
    channel: 'email',
    subject: 'Is my order shipped?',
    contact: CUSTOMER,
    webmailThread: { provider: 'gmail', mailbox: MAILBOX, threadId: THREAD },
    firstThread: { from: `${CUSTOMER.name} <${CUSTOMER.email}>`, to: [MAILBOX], subject: 'Is my order shipped?', bodyText: 'Order 7781: has it left the warehouse?' },
  });
  expect(created.status).toBe(201);
  const job = await backend.api('POST', '/jobs', token, { operation: 'reply', departmentId: support, ticketIds: [created.body.id], payload: { body: 'Hello {{contact.name}}, it left today.' } });
  expect(job.status).toBe(202);
  await expect.poll(async () => (await backend.api('GET', `/jobs/${job.body.id}`, token)).body.status, { timeout: 30_000 }).toBe('completed');
  const sent = backend.smtp.received.find((r) => r.to[0] === CUSTOMER.email)!;
  const pixel = /<img src="([^"]+\/r\/[A-Za-z0-9_-]{22}\.gif)"/.exec(sent.mail.html as string)![1]!;

  await connect(ADMIN);
  const page = await gmail(`?thread=${THREAD}`);
  const mark = page.locator('inbox-desk-receipt').getByRole('button');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveAttribute('aria-label', /^Delivered; no open seen yet/);
  await expect(mark).toHaveText('✓');
  await expect(page.getByRole('region', { name: 'Read receipts' })).toBeVisible();

  // The customer's mail client loads the image: the mark turns to "opened" without reloading the page.
  expect((await fetch(pixel)).status).toBe(200);
  await expect(mark).toHaveAttribute('aria-label', 'Opened by every recipient', { timeout: 25_000 });
  await expect(mark).toHaveText('◉');
  await mark.click();
  const recipients = page.locator('inbox-desk-receipt').getByRole('list');
  await expect(recipients).toContainText(CUSTOMER.email);
  await expect(recipients).toContainText('opened 1 times');

  await setReceipts(backend, support, false);
  try {
    await expect(page.locator('inbox-desk-receipt')).toHaveCount(0, { timeout: 25_000 });
    await expect(page.getByRole('region', { name: 'Read receipts' })).toHaveCount(0, { timeout: 25_000 });
  } finally {
    await setReceipts(backend, support, true);
  }
});
