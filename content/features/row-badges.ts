import { i18n } from '#i18n';
import type { TicketSummary } from '../../core/schemas/messages';
import type { ThreadRow } from '../../webmail/adapter';
import type { Feature, FeatureContext } from '../feature-manager';
import { shortName } from './short-name';

export interface BadgeText {
  statusLabel(status: TicketSummary['status']): string;
  assigneeName(ticket: TicketSummary): string | null;
  label(ticket: TicketSummary, status: string, assignee: string | null): string;
}

const STYLE = `
.b{display:inline-flex;align-items:center;gap:4px;margin-right:6px;padding:0 6px;border-radius:9px;font:600 11px/18px system-ui,sans-serif;white-space:nowrap;border:1px solid currentColor}
.s-open{color:#0b57d0;background:#e8f0fe}.s-on_hold{color:#8a5a00;background:#fef7e0}.s-waiting_on_customer{color:#7627bb;background:#f3e8fd}
.s-escalated{color:#b3261e;background:#fce8e6}.s-closed{color:#137333;background:#e6f4ea}`;

const BADGE_TAG = 'inbox-desk-badge';

/**
 * One small shadow host per row, written with textContent only: mail subjects and names are
 * hostile input, and Gmail's Trusted Types forbid innerHTML anyway.
 */
export class BadgeLayer {
  private readonly hosts = new WeakMap<HTMLElement, { host: HTMLElement; text: HTMLElement }>();
  /** The hosts this layer drew, found again in the page when it stops; weak, so rows the page dropped are not kept. */
  private readonly own = new WeakSet<Element>();

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

  /** Every badge this layer drew goes (the content script was invalidated). */
  removeAll(): void {
    for (const host of document.querySelectorAll(BADGE_TAG)) if (this.own.has(host)) host.remove();
  }

  private create(row: ThreadRow) {
    const host = document.createElement(BADGE_TAG);
    this.own.add(host);
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
    const parts = [`#${ticket.number}`, status, ...(assignee ? [shortName(assignee)] : [])];
    const content = parts.join(' · ');
    if (badge.text.textContent === content) return;
    badge.text.textContent = content;
    badge.text.className = `b s-${ticket.status}`;
    badge.text.setAttribute('role', 'img');
    badge.text.setAttribute('aria-label', this.words.label(ticket, status, assignee));
    badge.host.title = this.words.label(ticket, status, assignee);
  }
}

function badgeText({ session }: FeatureContext): BadgeText {
  return {
    statusLabel: (status) => i18n.t(`status.${status}`),
    assigneeName: (t) => session.directory.agents.find((a) => a.id === t.assigneeAgentId)?.name ?? session.directory.teams.find((x) => x.id === t.assigneeTeamId)?.name ?? null,
    label: (t, status, assignee) => i18n.t('badge.label', [t.number, status, assignee ? i18n.t('badge.assignedTo', [assignee]) : i18n.t('badge.unassigned')]),
  };
}

/** A badge with the ticket's number, status and assignee on each listed conversation that has a ticket. */
export const rowBadges: Feature = {
  name: 'row-badges',
  init(context) {
    const { adapter, rowTickets, signal } = context;
    const badges = new BadgeLayer(badgeText(context));
    signal.addEventListener('abort', () => badges.removeAll(), { once: true });
    return {
      async update() {
        const rows = adapter.rows();
        badges.render(rows, await rowTickets.of(rows));
      },
    };
  },
};
