import { expect } from '@playwright/test';
import type { Backend, TicketJson } from './backend';
import { ADMIN } from './harness';
import { GMAIL_MAILBOX } from './pages/gmail-inbox';
import { OUTLOOK_MAILBOX } from './pages/outlook-inbox';

/**
 * A walk-through's own data on the backend all walk-throughs of a worker share: tickets on
 * conversations no other walk-through uses, made through the API at its start.
 */

export interface Person {
  email: string;
  name: string;
}

/** The ids of the departments `email`'s agent belongs to, by name. */
export async function departments(backend: Backend, email = ADMIN): Promise<Record<string, number>> {
  const me = (await backend.api('GET', '/me', backend.tokens[email]!)).body;
  return Object.fromEntries(me.departments.map((d: { departmentName: string; departmentId: number }) => [d.departmentName, d.departmentId]));
}

export async function departmentId(backend: Backend, name: string, email = ADMIN): Promise<number> {
  const id = (await departments(backend, email))[name];
  expect(id, `department ${name}`).toBeDefined();
  return id!;
}

export interface NewTicket {
  departmentId: number;
  subject: string;
  contact: Person;
  priority?: string;
  /** Its conversation in the demo Gmail mailbox. */
  gmailThread?: string;
  /** Its conversation in the Outlook fixture's mailbox. */
  outlookConversation?: string;
  /** The first message; without it the ticket has none. */
  body?: string;
  at?: string;
}

/** A new ticket through POST /tickets, which must be created (201), not found linked already. */
export async function createTicket(backend: Backend, t: NewTicket, email = ADMIN): Promise<TicketJson> {
  const res = await backend.api<TicketJson>('POST', '/tickets', backend.tokens[email]!, {
    departmentId: t.departmentId,
    channel: 'email',
    subject: t.subject,
    contact: t.contact,
    ...(t.priority ? { priority: t.priority } : {}),
    ...(t.gmailThread ? { webmailThread: { provider: 'gmail', mailbox: GMAIL_MAILBOX, threadId: t.gmailThread } } : {}),
    ...(t.outlookConversation ? { webmailThread: { provider: 'outlook', mailbox: OUTLOOK_MAILBOX, threadId: t.outlookConversation } } : {}),
    ...(t.body !== undefined
      ? {
          firstThread: {
            from: `${t.contact.name} <${t.contact.email}>`,
            to: [t.gmailThread ? GMAIL_MAILBOX : OUTLOOK_MAILBOX],
            subject: t.subject,
            bodyText: t.body,
            ...(t.at ? { createdAt: t.at } : {}),
          },
        }
      : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Submits a job (202) and waits until it has completed; answers the finished job. */
export async function runJob(backend: Backend, body: Record<string, unknown>, email = ADMIN): Promise<any> {
  const token = backend.tokens[email]!;
  const job = await backend.api('POST', '/jobs', token, body);
  expect(job.status, JSON.stringify(job.body)).toBe(202);
  await expect.poll(async () => (await backend.api('GET', `/jobs/${job.body.id}`, token)).body.status, { timeout: 60_000 }).toBe('completed');
  return (await backend.api('GET', `/jobs/${job.body.id}`, token)).body;
}

/** Moves tickets to the trash, so their rows leave the demo Gmail list other walk-throughs read. */
export async function trash(backend: Backend, tickets: TicketJson[]) {
  for (const t of tickets) {
    // Where it is now: a walk-through may have moved it.
    const { departmentId: where, trashedAt } = await ticket(backend, t.id);
    if (trashedAt === null) await runJob(backend, { operation: 'delete', payload: {}, ticketIds: [t.id], departmentId: where });
  }
}

export const ticket = async (backend: Backend, id: number, email = ADMIN) => (await backend.api('GET', `/tickets/${id}`, backend.tokens[email]!)).body;
