import type { MessageMark, MessageReceipt, ReceiptState, RecipientReceipt } from '../core/schemas/receipt';
import type { ThreadMessage } from '../webmail/adapter';

/**
 * R-RCPT-5/6: each mark has its own shape, so it reads without colour: rings fill up as more
 * recipients open, a tick is delivered, a hollow ring is sent, an arrow back is bounced, a cross failed.
 */
export const MARK_SHAPE: Record<MessageMark, string> = {
  opened: '◉',
  opened_some_to: '◑',
  opened_some_cc: '◔',
  delivered: '✓',
  sent: '○',
  bounced: '↩',
  failed: '✕',
};

export interface ReceiptWords {
  /** The mark in words, for its tooltip and screen readers (R-RCPT-8: never "unread"). */
  mark(mark: MessageMark): string;
  state(state: ReceiptState): string;
  /** One recipient's line after the address: state, times, opens. */
  detail(recipient: RecipientReceipt): string;
  listLabel(receipt: MessageReceipt): string;
}

const STYLE = `
:host{display:inline-block;position:relative;margin-right:6px;vertical-align:middle}
button{font:600 12px/16px system-ui,sans-serif;border:1px solid #747775;border-radius:8px;background:#fff;color:#202124;padding:0 6px;cursor:pointer}
button:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}
.m-opened,.m-opened_some_to,.m-opened_some_cc{color:#137333;border-color:#137333}
.m-bounced,.m-failed{color:#b3261e;border-color:#b3261e}
ul{position:absolute;z-index:10;right:0;top:20px;min-width:280px;margin:0;padding:6px 10px;list-style:none;background:#fff;border:1px solid #dadce0;border-radius:6px;box-shadow:0 2px 6px rgba(0,0,0,.2);font:12px/1.5 system-ui,sans-serif;color:#202124;text-align:left}
li{white-space:normal}.a{font-weight:600;margin-right:6px}.problem{color:#b3261e}`;

const MARK_TAG = 'inbox-desk-receipt';

interface Mark {
  host: HTMLElement;
  button: HTMLButtonElement;
  list: HTMLUListElement;
  key: string;
}

/**
 * Read-receipt marks beside the messages the product sent, in the open conversation (R-RCPT-7).
 * Written with textContent only: addresses come from mail, and Gmail forbids innerHTML.
 */
export class ReceiptMarkLayer {
  private readonly marks = new WeakMap<HTMLElement, Mark>();
  /** The hosts this layer drew, found again in the page when it stops; weak, so messages the page dropped are not kept. */
  private readonly own = new WeakSet<Element>();

  constructor(private readonly words: ReceiptWords) {}

  render(messages: ThreadMessage[], receipts: (MessageReceipt | null)[]): void {
    messages.forEach((message, i) => {
      const receipt = receipts[i] ?? null;
      const existing = this.marks.get(message.element);
      if (!receipt) {
        existing?.host.remove();
        this.marks.delete(message.element);
        return;
      }
      const mark = existing?.host.isConnected ? existing : this.create(message);
      this.fill(mark, receipt);
    });
  }

  /** Every mark this layer drew goes (the content script was invalidated). */
  removeAll(): void {
    for (const host of document.querySelectorAll(MARK_TAG)) if (this.own.has(host)) host.remove();
  }

  private create(message: ThreadMessage): Mark {
    const host = document.createElement(MARK_TAG);
    this.own.add(host);
    host.setAttribute('data-inbox-desk', 'receipt');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const button = document.createElement('button');
    button.type = 'button';
    const list = document.createElement('ul');
    list.hidden = true;
    shadow.append(style, button, list);
    const mark: Mark = { host, button, list, key: '' };
    button.addEventListener('click', (event) => {
      // Gmail opens or collapses the message on a header click: the mark's click is ours alone.
      event.stopPropagation();
      list.hidden = !list.hidden;
      button.setAttribute('aria-expanded', String(!list.hidden));
    });
    message.markSlot.prepend(host);
    this.marks.set(message.element, mark);
    return mark;
  }

  private fill(mark: Mark, receipt: MessageReceipt) {
    const key = JSON.stringify(receipt);
    if (mark.key === key) return;
    mark.key = key;
    const words = this.words.mark(receipt.mark);
    mark.button.textContent = MARK_SHAPE[receipt.mark];
    mark.button.className = `m-${receipt.mark}`;
    mark.button.title = words;
    mark.button.setAttribute('aria-label', words);
    mark.button.setAttribute('aria-expanded', String(!mark.list.hidden));
    mark.list.setAttribute('aria-label', this.words.listLabel(receipt));
    mark.list.replaceChildren(
      ...receipt.recipients.map((recipient) => {
        const item = document.createElement('li');
        if (recipient.state === 'bounced' || recipient.state === 'failed') item.className = 'problem';
        const address = document.createElement('span');
        address.className = 'a';
        address.textContent = recipient.address;
        item.append(address, document.createTextNode(this.words.detail(recipient)));
        return item;
      }),
    );
  }
}
