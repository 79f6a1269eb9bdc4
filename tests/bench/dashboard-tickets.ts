/**
 * A year of a mid-size support team's tickets, deterministic (seeded), shaped like the real thing:
 * most are e-mail with a Gmail or Outlook conversation, newer ones are still open, older ones closed,
 * a few are unassigned, trashed, spam or merged away.
 */
import type { Channel, Ticket, TicketStatus } from '../../core/schemas/ticket';

const DAY = 86_400_000;
const DEPARTMENTS = [1, 2, 3, 4];
const SUBJECTS = [
  'Cannot log in',
  'Refund for order',
  'Invoice copy needed',
  'Shipping delay',
  'ログインできません',
  '請求書の再発行',
  'Feature request',
  'App crashes on start',
  'Change of address',
  'Password reset link expired',
];

/** mulberry32: small, seeded, good enough to shape test data. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, weighted: [T, number][]): T {
  let r = rnd() * weighted.reduce((n, [, w]) => n + w, 0);
  for (const [value, w] of weighted) if ((r -= w) < 0) return value;
  return weighted[0]![0];
}

const CHANNELS: [Channel, number][] = [
  ['email', 70],
  ['web', 10],
  ['chat', 8],
  ['phone', 6],
  ['social', 3],
  ['forum', 2],
  ['im', 1],
];
const RECENT: [TicketStatus, number][] = [
  ['open', 35],
  ['on_hold', 10],
  ['waiting_on_customer', 20],
  ['escalated', 5],
  ['closed', 30],
];
const OLDER: [TicketStatus, number][] = [
  ['open', 4],
  ['on_hold', 3],
  ['waiting_on_customer', 5],
  ['escalated', 1],
  ['closed', 87],
];

function thread(rnd: () => number, i: number, departmentId: number): Ticket['webmailThreads'] {
  const gmail = rnd() < 0.6;
  const mailbox = `support${departmentId}@bench.example`;
  const threadId = gmail ? (0x18b0000000000000n + BigInt(i)).toString(16) : `AAQkADAwATM3ZmYAZS1hY2U0LTQxMjMtMDACLTAwCgAQA${i.toString(36).padStart(8, '0')}=`;
  return [{ provider: gmail ? 'gmail' : 'outlook', mailbox, threadId }];
}

/** Ticket i of a realistic index, as the sync would store it. */
function ticketAt(i: number, now: number, rnd: () => number): Ticket {
  const departmentId = DEPARTMENTS[i % DEPARTMENTS.length]!;
  const created = now - Math.floor(rnd() ** 2 * 365 * DAY);
  const status = pick(rnd, now - created < 14 * DAY ? RECENT : OLDER);
  const closedAt = status === 'closed' ? new Date(Math.min(now, created + rnd() * 10 * DAY)).toISOString() : null;
  const channel = pick(rnd, CHANNELS);
  const assignment = rnd();
  const updatedAt = closedAt ?? new Date(Math.min(now, created + rnd() * 3 * DAY)).toISOString();
  return {
    id: i + 1,
    number: 10_000 + i,
    departmentId,
    channel,
    contactId: 1 + Math.floor(rnd() * 4000),
    secondaryContactIds: [],
    ccAddresses: rnd() < 0.1 ? [`cc${i}@customer.example`] : [],
    subject: `${SUBJECTS[i % SUBJECTS.length]} (${i})`,
    status,
    priority: pick(rnd, [
      ['low', 20],
      ['medium', 60],
      ['high', 15],
      ['urgent', 5],
    ] as const),
    // 15 % nobody, 10 % a team only, the rest an agent.
    assigneeAgentId: assignment < 0.25 ? null : 1 + ((i * 7) % 20),
    assigneeTeamId: assignment >= 0.15 && assignment < 0.25 ? departmentId : null,
    account: rnd() < 0.3 ? `Account ${i % 300}` : null,
    product: rnd() < 0.5 ? `Product ${i % 12}` : null,
    category: null,
    tags: rnd() < 0.4 ? ['vip', 'billing'].slice(0, 1 + (i % 2)) : [],
    resolution: status === 'closed' && rnd() < 0.5 ? 'Answered with the help article.' : null,
    blueprintId: null,
    customFields: { orderNumber: `ORD-${100_000 + i}` },
    lastThreadChannel: channel,
    spam: rnd() < 0.01,
    trashedAt: rnd() < 0.01 ? updatedAt : null,
    mergedIntoId: i > 0 && rnd() < 0.01 ? i : null,
    webmailThreads: channel === 'email' ? thread(rnd, i, departmentId) : [],
    createdAt: new Date(created).toISOString(),
    updatedAt,
    firstResponseAt: status === 'open' ? null : new Date(created + 3_600_000).toISOString(),
    closedAt,
    onHoldSeconds: 0,
    onHoldSince: null,
    version: 1 + (i % 5),
  };
}

export function benchTickets(count: number, now = Date.now()): Ticket[] {
  const rnd = random(20261202);
  return Array.from({ length: count }, (_, i) => ticketAt(i, now, rnd));
}
