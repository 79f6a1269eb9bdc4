import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { comments, contacts, departments, threads, ticketHistory, tickets, ticketWebmailThreads } from '../schema';
import { seedOrganization } from './organization';
import { buildContacts, type DepartmentName } from './people';
import { chunks, createRng, wholeSecond } from './random';
import { seedSettings } from './settings';
import { planTickets, type SeedContact, type TicketPlan } from './tickets';

/**
 * `seed demo`: a realistic helpdesk to try the extension against. Same shape on every run (fixed
 * PRNG seeds); only the dates move with the day it is seeded, so the queue always looks current.
 */

/** Separate streams, so adding a contact does not reshuffle every ticket. */
const CONTACT_SEED = 0x1b0c_de5c;
const TICKET_SEED = 0x7e1c_4e75;

export async function seedDemo(db: Db): Promise<{ seeded: boolean; summary: string }> {
  if (await alreadySeeded(db)) return { seeded: false, summary: 'already seeded' };
  const now = new Date(wholeSecond(Date.now()));
  // One transaction: a crash half-way leaves an empty database that can be seeded again, never a half demo.
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    const org = await seedOrganization(tx);
    const ids = Object.fromEntries(org.departments.map((d) => [d.name, d.id])) as Record<DepartmentName, number>;

    const people = buildContacts(createRng(CONTACT_SEED), now);
    const clash = people.find((c) => c.email && org.reservedAddresses.has(c.email));
    // R-CC-3 refuses agents' and departments' addresses; a customer with one would break the demo's CC cases.
    if (clash) throw new Error(`Demo contact ${clash.email} uses an agent or department address`);
    const contactRows: SeedContact[] = [];
    for (const part of chunks(people)) {
      const rows = await tx
        .insert(contacts)
        .values(part.map(({ lang: _lang, ...c }) => c))
        .returning({ id: contacts.id });
      rows.forEach((row, i) => contactRows.push({ ...part[i]!, id: row.id }));
    }

    const settings = await seedSettings(tx, ids);
    const plans = planTickets(createRng(TICKET_SEED), {
      now,
      departments: org.departments,
      contacts: contactRows,
      refundBlueprintId: settings.refundBlueprintId,
    });
    const inserted = await insertTickets(tx, plans);

    const c = { ...org.counts, ...settings.counts, ...inserted };
    const summary = [
      `${c.departments} departments`,
      `${c.agents} agents`,
      `${c.roles} roles`,
      `${c.teams} teams`,
      `${contactRows.length} contacts`,
      `${c.tickets} tickets`,
      `${c.threads} threads`,
      `${c.comments} comments`,
      `${c.webmail} webmail links`,
      `${c.views} views`,
      `${c.templates} templates`,
      `${c.macros} macros`,
      `${c.blueprints} blueprint`,
    ].join(', ');
    return { seeded: true, summary };
  });
}

async function alreadySeeded(db: Db): Promise<boolean> {
  const [support] = await db.select({ id: departments.id }).from(departments).where(eq(departments.name, 'Support'));
  return support !== undefined;
}

/**
 * Oldest first, so ticket numbers (from the sequence default) grow with creation time as they
 * would have in real life. Rows come back from RETURNING in VALUES order, which ties plans to ids.
 */
async function insertTickets(db: Db, plans: TicketPlan[]) {
  const ordered = [...plans].sort((a, b) => a.ticket.createdAt!.getTime() - b.ticket.createdAt!.getTime());
  const ticketIds: number[] = [];
  for (const part of chunks(ordered)) {
    const rows = await db
      .insert(tickets)
      .values(part.map((p) => p.ticket))
      .returning({ id: tickets.id });
    ticketIds.push(...rows.map((r) => r.id));
  }
  const withId = <T>(pick: (p: TicketPlan) => T[]) => ordered.flatMap((p, i) => pick(p).map((row) => ({ ...row, ticketId: ticketIds[i]! })));
  const threadRows = withId((p) => p.threads);
  const commentRows = withId((p) => p.comments);
  const webmailRows = withId((p) => p.webmail);
  // Seeding is a system act: history shows the creation with no agent, at the ticket's own time.
  const historyRows = ordered.map((p, i) => ({ ticketId: ticketIds[i]!, agentId: null, action: 'created', changes: {}, createdAt: p.ticket.createdAt! }));
  for (const part of chunks(threadRows)) await db.insert(threads).values(part);
  for (const part of chunks(commentRows)) await db.insert(comments).values(part);
  for (const part of chunks(webmailRows)) await db.insert(ticketWebmailThreads).values(part);
  for (const part of chunks(historyRows)) await db.insert(ticketHistory).values(part);
  return { tickets: ticketIds.length, threads: threadRows.length, comments: commentRows.length, webmail: webmailRows.length };
}
