import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, STATUSES } from '../../server/db/seed/tickets';
import { openDatabase, type Database, type Db } from '../../server/db/client';
import { runMigrations } from '../../server/db/migrate';
import { agents, blueprints, contacts, departments, macros, memberships, roles, templates, threads, tickets, ticketWebmailThreads, views } from '../../server/db/schema';
import { seedDemo } from '../../server/db/seed/demo';

async function freshSeeded(): Promise<{ database: Database; summary: string }> {
  const database = await openDatabase({});
  await runMigrations(database);
  const result = await seedDemo(database.db);
  expect(result.seeded).toBe(true);
  return { database, summary: result.summary };
}

/** What must not change between runs: everything except the dates, which follow the day of seeding. */
async function shapeOf(db: Db) {
  const rows = await db
    .select({ number: tickets.number, subject: tickets.subject, channel: tickets.channel, status: tickets.status, contact: contacts.email })
    .from(tickets)
    .innerJoin(contacts, eq(contacts.id, tickets.contactId))
    .orderBy(asc(tickets.id));
  const links = await db.select({ threadId: ticketWebmailThreads.threadId }).from(ticketWebmailThreads).orderBy(asc(ticketWebmailThreads.threadId));
  return { rows, links };
}

describe('seed demo', () => {
  let database: Database;
  let db: Db;
  let summary: string;

  beforeAll(async () => {
    ({ database, summary } = await freshSeeded());
    db = database.db;
  }, 60_000);

  afterAll(async () => {
    await database?.close();
  });

  const ticketRows = () => db.select().from(tickets);
  const deptId = async (name: string) => (await db.select().from(departments).where(eq(departments.name, name)))[0]!.id;

  it('creates the three departments, with receipts and CC on in Support only', async () => {
    const rows = await db.select().from(departments);
    expect(rows.map((d) => d.name).sort()).toEqual(['Billing', 'Returns', 'Support']);
    const support = rows.find((d) => d.name === 'Support')!;
    expect(support.features.receipts).toBe(true);
    expect(support.features.cc).toBe(true);
    expect(support.helpCenter).toBe(true);
    for (const other of rows.filter((d) => d.name !== 'Support')) {
      expect(other.features).toMatchObject({ receipts: false, cc: false });
    }
    expect(summary).toMatch(/^3 departments, 8 agents, .*\d+ tickets/);
  });

  it('gives admin, lead and agent exactly the documented memberships', async () => {
    const rows = await db
      .select({ email: agents.email, department: departments.name, role: roles.name })
      .from(memberships)
      .innerJoin(agents, eq(agents.id, memberships.agentId))
      .innerJoin(departments, eq(departments.id, memberships.departmentId))
      .innerJoin(roles, eq(roles.id, memberships.roleId));
    const of = (email: string) =>
      rows
        .filter((r) => r.email === email)
        .map((r) => `${r.department}:${r.role}`)
        .sort();
    expect(of('admin@demo.example')).toEqual(['Billing:Admin', 'Returns:Admin', 'Support:Admin']);
    expect(of('lead@demo.example')).toEqual(['Billing:Lead', 'Support:Lead']);
    expect(of('agent@demo.example')).toEqual(['Support:Agent']);
    expect(await db.select().from(agents)).toHaveLength(8);
  });

  it('seeds at least 300 tickets covering every channel and every status', async () => {
    const rows = await ticketRows();
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((t) => t.channel))).toEqual(new Set(CHANNELS));
    expect(new Set(rows.map((t) => t.status))).toEqual(new Set(STATUSES));
    expect(new Set(rows.map((t) => t.departmentId)).size).toBe(3);
    expect(rows.some((t) => t.spam)).toBe(true);
    expect(rows.some((t) => t.trashedAt !== null)).toBe(true);
  });

  it('has deleted, spam and anonymous contacts, and unique lower-case e-mails', async () => {
    const rows = await db.select().from(contacts);
    expect(rows.filter((c) => c.deleted).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((c) => c.spam).length).toBeGreaterThanOrEqual(2);
    const anonymous = rows.filter((c) => c.anonymous);
    expect(anonymous.length).toBeGreaterThanOrEqual(2);
    expect(anonymous.every((c) => c.email === null && c.name === '')).toBe(true);
    const emails = rows.flatMap((c) => (c.email ? [c.email] : []));
    expect(emails.every((e) => e === e.toLowerCase() && !e.endsWith('@demo.example'))).toBe(true);
  });

  it('has a view of every kind and exactly one all-departments view without a department', async () => {
    const rows = await db.select().from(views);
    const kinds = new Set(rows.map((v) => v.kind));
    for (const kind of ['normal', 'spam', 'shared_open', 'shared', 'archived', 'blueprint', 'all_departments']) expect(kinds).toContain(kind);
    const all = rows.filter((v) => v.kind === 'all_departments');
    expect(all).toHaveLength(1);
    expect(all[0]!.departmentId).toBeNull();
    expect(rows.filter((v) => v.departmentId === null)).toHaveLength(1);
    const [blueprint] = await db.select().from(blueprints);
    expect(rows.find((v) => v.kind === 'blueprint')!.filter).toEqual({ blueprintId: blueprint!.id });
  });

  it('has 3 templates, 2 macros and 1 blueprint applied to Billing tickets', async () => {
    expect(await db.select().from(templates)).toHaveLength(3);
    expect(await db.select().from(macros)).toHaveLength(2);
    const bps = await db.select().from(blueprints);
    expect(bps).toHaveLength(1);
    const applied = (await ticketRows()).filter((t) => t.blueprintId === bps[0]!.id);
    expect(applied.length).toBeGreaterThanOrEqual(10);
    expect(applied.every((t) => t.departmentId === bps[0]!.departmentId)).toBe(true);
  });

  it('R-CC-1/R-CC-2: secondary contacts and CC addresses only in Support, at most 20 per ticket', async () => {
    const support = await deptId('Support');
    const rows = await ticketRows();
    const recipients = (t: (typeof rows)[number]) => t.secondaryContactIds.length + t.ccAddresses.length;
    expect(rows.every((t) => recipients(t) <= 20)).toBe(true);
    expect(rows.filter((t) => recipients(t) > 0).every((t) => t.departmentId === support)).toBe(true);
    expect(rows.some((t) => t.secondaryContactIds.length > 0)).toBe(true);
  });

  it('R-REPLY-4: social tickets whose last thread is e-mail and ones whose last is social both exist', async () => {
    const social = (await ticketRows()).filter((t) => t.channel === 'social');
    expect(social.some((t) => t.lastThreadChannel === 'email')).toBe(true);
    expect(social.some((t) => t.lastThreadChannel === 'social')).toBe(true);
  });

  it('keeps lastThreadChannel equal to the newest thread and dates in order', async () => {
    const all = await db.select().from(threads).orderBy(asc(threads.ticketId), asc(threads.createdAt), asc(threads.id));
    const newest = new Map(all.map((t) => [t.ticketId, t]));
    for (const t of await ticketRows()) {
      expect(t.lastThreadChannel).toBe(newest.get(t.id)?.channel);
      expect(t.updatedAt.getTime()).toBeGreaterThanOrEqual(t.createdAt.getTime());
    }
  });

  it('assigns tickets only to members and teams of their own department', async () => {
    const members = await db.select().from(memberships);
    const rows = await ticketRows();
    for (const t of rows.filter((x) => x.assigneeAgentId !== null)) {
      expect(members.some((m) => m.agentId === t.assigneeAgentId && m.departmentId === t.departmentId)).toBe(true);
    }
    expect(rows.some((t) => t.assigneeTeamId !== null)).toBe(true);
    expect(rows.some((t) => t.assigneeAgentId === null && t.assigneeTeamId === null)).toBe(true);
  });

  it('links Support e-mail tickets to Gmail and Outlook conversations', async () => {
    const links = await db.select().from(ticketWebmailThreads);
    expect(links.some((l) => l.provider === 'gmail' && /^[0-9a-f]{16}$/.test(l.threadId))).toBe(true);
    expect(links.some((l) => l.provider === 'outlook' && l.threadId.startsWith('AAQkAD'))).toBe(true);
    expect(links.every((l) => l.mailbox === 'support@demo.example')).toBe(true);
  });

  it('does nothing the second time', async () => {
    const before = (await db.select({ n: count() }).from(tickets))[0]!.n;
    expect(await seedDemo(db)).toEqual({ seeded: false, summary: 'already seeded' });
    expect((await db.select({ n: count() }).from(tickets))[0]!.n).toBe(before);
  });

  it('produces the same data on a fresh database', async () => {
    const other = await freshSeeded();
    try {
      expect(await shapeOf(other.database.db)).toEqual(await shapeOf(db));
    } finally {
      await other.database.close();
    }
  }, 60_000);
});
