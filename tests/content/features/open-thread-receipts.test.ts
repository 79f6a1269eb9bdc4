// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { OpenThreadReceipts, RECEIPTS_REFRESH_MS, type ReceiptSource } from '../../../content/features/open-thread-receipts';
import { MARK_SHAPE, ReceiptMarkLayer, type ReceiptWords } from '../../../content/receipt-marks';
import type { MessageReceipt, TicketReceipts } from '../../../core/schemas/receipt';
import type { OpenThread, ThreadMessage } from '../../../webmail/adapter';

const words: ReceiptWords = {
  mark: (mark) => `mark:${mark}`,
  state: (state) => `state:${state}`,
  detail: (r) => ` — ${r.state}`,
  listLabel: (m) => `recipients of ${m.subject}`,
};

function message(fromEmail: string, date: string): ThreadMessage {
  const element = document.createElement('div');
  const header = document.createElement('span');
  header.textContent = date;
  element.append(header);
  document.body.append(element);
  return { messageId: null, from: { name: fromEmail, email: fromEmail }, to: [], cc: [], date, element, markSlot: header };
}

const sentAt = '2026-11-03T10:30:00.000Z';
const receipt = (mark: MessageReceipt['mark']): MessageReceipt => ({
  threadId: 9,
  messageId: '<9@acme.test>',
  from: 'support@acme.test',
  subject: 'Re: <b>help</b>',
  sentAt,
  mark,
  recipients: [
    {
      address: 'alice@customer.test',
      kind: 'to',
      state: mark === 'opened' ? 'opened' : 'delivered',
      deliveredAt: sentAt,
      firstOpenedAt: null,
      lastOpenedAt: null,
      openCount: 0,
      problemAt: null,
      detail: null,
    },
    {
      address: '<img src=x onerror=alert(1)>@x.test',
      kind: 'cc',
      state: 'bounced',
      deliveredAt: null,
      firstOpenedAt: null,
      lastOpenedAt: null,
      openCount: 0,
      problemAt: sentAt,
      detail: '550 unknown',
    },
  ],
});

describe('read-receipt marks in the open conversation (R-RCPT-7)', () => {
  let thread: OpenThread;
  let answer: TicketReceipts;
  let fetches: number;
  let clock: number;
  let layer: ReceiptMarkLayer;
  let receipts: OpenThreadReceipts;
  const source: ReceiptSource = {
    ticketOf: async (threadId) => (threadId === 't1' ? 42 : null),
    receipts: async (ticketId) => {
      expect(ticketId).toBe(42);
      fetches++;
      return answer;
    },
  };
  const marks = () => [...document.querySelectorAll('inbox-desk-receipt')];
  const button = () => marks()[0]!.shadowRoot!.querySelector('button')!;

  beforeEach(() => {
    document.body.replaceChildren();
    thread = {
      threadId: 't1',
      subject: 'help',
      element: document.body,
      messages: [message('alice@customer.test', new Date('2026-11-03T10:00:00Z').toString()), message('support@acme.test', new Date(sentAt).toString())],
    };
    answer = { enabled: true, messages: [receipt('delivered')] };
    fetches = 0;
    clock = 1_000_000;
    layer = new ReceiptMarkLayer(words);
    receipts = new OpenThreadReceipts(layer, source, () => clock);
  });

  it('marks only the message the product sent, with its shape and words, and lists recipients as text on click', async () => {
    await receipts.update(thread);
    expect(marks()).toHaveLength(1);
    expect(thread.messages[1]!.markSlot.contains(marks()[0]!)).toBe(true);
    expect(button().textContent).toBe(MARK_SHAPE.delivered);
    expect(button().getAttribute('aria-label')).toBe('mark:delivered');
    const list = marks()[0]!.shadowRoot!.querySelector('ul')!;
    expect(list.hidden).toBe(true);
    button().click();
    expect(list.hidden).toBe(false);
    expect(button().getAttribute('aria-expanded')).toBe('true');
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['alice@customer.test — delivered', '<img src=x onerror=alert(1)>@x.test — bounced']);
    expect(list.querySelector('img')).toBeNull();
    expect(list.querySelectorAll('li')[1]!.className).toBe('problem');
  });

  it('reads the receipts again only once they are older than the refresh period, and the mark follows', async () => {
    await receipts.update(thread);
    answer = { enabled: true, messages: [receipt('opened')] };
    clock += RECEIPTS_REFRESH_MS - 1;
    await receipts.update(thread);
    expect(fetches).toBe(1);
    expect(button().textContent).toBe(MARK_SHAPE.delivered);
    clock += 1;
    await receipts.update(thread);
    expect(fetches).toBe(2);
    expect(marks()).toHaveLength(1);
    expect(button().textContent).toBe(MARK_SHAPE.opened);
  });

  it('R-RCPT-9 receipts turned off for the department: every mark goes', async () => {
    await receipts.update(thread);
    answer = { enabled: false, messages: [] };
    clock += RECEIPTS_REFRESH_MS;
    await receipts.update(thread);
    expect(marks()).toHaveLength(0);
  });

  it('a conversation without a ticket gets no mark and asks for no receipts', async () => {
    await receipts.update({ ...thread, threadId: 't2' });
    expect(fetches).toBe(0);
    expect(marks()).toHaveLength(0);
  });

  it('removes every mark it drew when the feature stops, and only those', async () => {
    const foreign = document.createElement('inbox-desk-receipt');
    document.body.append(foreign);
    await receipts.update(thread);
    expect(marks()).toHaveLength(2);
    layer.removeAll();
    expect(marks()).toEqual([foreign]);
  });
});
