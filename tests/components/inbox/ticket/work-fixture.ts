import type { Contact } from '../../../../core/schemas/contact';
import type { Comment } from '../../../../core/schemas/thread';
import type { Ticket } from '../../../../core/schemas/ticket';

/** Ticket #1260 of department 1 ("Support"), whose contact is 7. */
export const ticketOf = (over: Partial<Ticket> = {}): Ticket => ({
  id: 60,
  number: 1260,
  departmentId: 1,
  channel: 'email',
  contactId: 7,
  secondaryContactIds: [],
  ccAddresses: [],
  subject: 'Order missing',
  status: 'open',
  priority: 'medium',
  assigneeAgentId: null,
  assigneeTeamId: null,
  account: null,
  product: null,
  category: null,
  tags: [],
  resolution: null,
  blueprintId: null,
  customFields: {},
  lastThreadChannel: 'email',
  spam: false,
  trashedAt: null,
  mergedIntoId: null,
  webmailThreads: [{ provider: 'gmail', mailbox: 'support@acme.test', threadId: '18be3dcdd8224f79' }],
  createdAt: '2026-11-03T10:00:00.000Z',
  updatedAt: '2026-11-03T10:00:00.000Z',
  firstResponseAt: null,
  closedAt: null,
  onHoldSeconds: 0,
  onHoldSince: null,
  version: 3,
  ...over,
});

export const contactOf = (over: Partial<Contact> = {}): Contact => ({
  id: 7,
  email: 'alice@customer.test',
  name: 'Alice Customer',
  account: null,
  deleted: false,
  spam: false,
  anonymous: false,
  createdAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

export const commentOf = (over: Partial<Comment> = {}): Comment => ({
  id: 1,
  ticketId: 60,
  visibility: 'private',
  body: 'Customer called',
  authorAgentId: 1,
  createdAt: '2026-11-03T11:00:00.000Z',
  editedAt: null,
  ...over,
});
