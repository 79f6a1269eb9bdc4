import type { TicketSummary } from '../core/schemas/messages';
import type { ThreadRow } from '../webmail/adapter';

export interface BadgeText {
  statusLabel(status: TicketSummary['status']): string;
  assigneeName(ticket: TicketSummary): string | null;
  label(ticket: TicketSummary, status: string, assignee: string | null): string;
}

const STYLE = `
.b{display:inline-flex;align-items:center;gap:4px;margin-right:6px;padding:0 6px;border-radius:9px;font:600 11px/18px system-ui,sans-serif;white-space:nowrap;border:1px solid currentColor}
.s-open{color:#0b57d0;background:#e8f0fe}.s-on_hold{color:#8a5a00;background:#fef7e0}.s-waiting_on_customer{color:#7627bb;background:#f3e8fd}
.s-escalated{color:#b3261e;background:#fce8e6}.s-closed{color:#137333;background:#e6f4ea}`;

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => [...part][0]!.toUpperCase())
    .join('');

/**
 * One small shadow host per row, written with textContent only: mail subjects and names are
 * hostile input, and Gmail's Trusted Types forbid innerHTML anyway.
 */
export class BadgeLayer {
  private readonly hosts = new WeakMap<HTMLElement, { host: HTMLElement; text: HTMLElement }>();

  constructor(private readonly words: BadgeText) {}

  render(rows: ThreadRow[], tickets: Record<string, TicketSummary>): void {
    for (const row of rows) {
      const ticket = tickets[row.threadId];
      const existing = this.hosts.get(row.element);
      if (!ticket) {
        existing?.host.remove();
        this.hosts.delete(row.element);
        continue;
      }
      const badge = existing?.host.isConnected ? existing : this.create(row);
      this.fill(badge, ticket);
    }
  }

  private create(row: ThreadRow) {
    const host = document.createElement('inbox-desk-badge');
    host.setAttribute('data-inbox-desk', 'badge');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    const text = document.createElement('span');
    shadow.append(style, text);
    row.badgeSlot.prepend(host);
    const badge = { host, text };
    this.hosts.set(row.element, badge);
    return badge;
  }

  private fill(badge: { host: HTMLElement; text: HTMLElement }, ticket: TicketSummary) {
    const status = this.words.statusLabel(ticket.status);
    const assignee = this.words.assigneeName(ticket);
    const parts = [`#${ticket.number}`, status, ...(assignee ? [initials(assignee)] : [])];
    const content = parts.join(' · ');
    if (badge.text.textContent === content) return;
    badge.text.textContent = content;
    badge.text.className = `b s-${ticket.status}`;
    badge.text.setAttribute('role', 'img');
    badge.text.setAttribute('aria-label', this.words.label(ticket, status, assignee));
    badge.host.title = this.words.label(ticket, status, assignee);
  }
}
