import { defaultPermissions } from '../../core/rules/permissions';
import { defaultDepartmentFeatures } from '../../core/schemas/department';
import type { Permission, RoleKind } from '../../core/schemas/role';
import type { Db } from '../../server/db/client';
import * as t from '../../server/db/schema';
import { hashToken, newToken } from '../../server/http/auth';
import { createTestServer, type TestServer, type TestServerOptions } from './harness';

/** A small, explicit world for API tests: who may do what where is visible at a glance. */
export async function buildWorld(db: Db) {
  const [support, billing, returns] = await db
    .insert(t.departments)
    .values([
      {
        name: 'Support',
        supportAddresses: ['support@acme.test'],
        fromAddresses: ['noreply@acme.test'],
        helpCenter: true,
        features: { receipts: true, cc: true, ccOptions: { customersMayAddCc: true, autoAddRecipients: true } },
      },
      { name: 'Billing', supportAddresses: ['billing@acme.test'], fromAddresses: ['billing@acme.test'], helpCenter: false, features: defaultDepartmentFeatures },
      { name: 'Returns', supportAddresses: ['returns@acme.test'], fromAddresses: ['returns@acme.test'], helpCenter: true, features: defaultDepartmentFeatures },
    ])
    .returning();
  const departments = [support!, billing!, returns!];

  const roleSpecs: [string, RoleKind, Permission[] | null][] = [
    ['Admin', 'admin', null],
    ['Lead', 'lead', null],
    ['Agent', 'agent', null],
    ['Viewer', 'custom', ['ticket.view']],
  ];
  const roles = await db
    .insert(t.roles)
    .values(roleSpecs.map(([name, kind]) => ({ name, kind })))
    .returning();
  await db
    .insert(t.rolePermissions)
    .values(roles.flatMap((role, i) => departments.map((d) => ({ roleId: role.id, departmentId: d.id, permissions: roleSpecs[i]![2] ?? defaultPermissions(role.kind) }))));
  const [admin, lead, agent, viewer] = roles;

  const agentRows = await db
    .insert(t.agents)
    .values([
      { email: 'admin@acme.test', name: 'Ada Admin' },
      { email: 'lead@acme.test', name: 'Lee Lead' },
      { email: 'agent@acme.test', name: '佐藤 美咲' },
      { email: 'viewer@acme.test', name: 'Vic Viewer' },
      { email: 'nobody@acme.test', name: 'No Body' },
    ])
    .returning();
  const [adminAgent, leadAgent, supportAgent, viewerAgent, nobodyAgent] = agentRows;
  await db
    .insert(t.memberships)
    .values([
      ...departments.map((d) => ({ agentId: adminAgent!.id, departmentId: d.id, roleId: admin!.id })),
      { agentId: leadAgent!.id, departmentId: support!.id, roleId: lead!.id },
      { agentId: leadAgent!.id, departmentId: billing!.id, roleId: lead!.id },
      { agentId: supportAgent!.id, departmentId: support!.id, roleId: agent!.id },
      { agentId: viewerAgent!.id, departmentId: billing!.id, roleId: viewer!.id },
    ]);
  const tokens: Record<'admin' | 'lead' | 'agent' | 'viewer' | 'nobody', string> = {
    admin: newToken(),
    lead: newToken(),
    agent: newToken(),
    viewer: newToken(),
    nobody: newToken(),
  };
  const order = ['admin', 'lead', 'agent', 'viewer', 'nobody'] as const;
  await db.insert(t.apiTokens).values(order.map((who, i) => ({ agentId: agentRows[i]!.id, tokenHash: hashToken(tokens[who]) })));

  const [tier2] = await db.insert(t.teams).values({ name: 'Tier 2', departmentId: support!.id }).returning();
  const [billingTeam] = await db.insert(t.teams).values({ name: 'Refunds', departmentId: billing!.id }).returning();

  const contactRows = await db
    .insert(t.contacts)
    .values([
      { email: 'alice@customer.test', name: 'Alice Customer', account: 'Customer Inc' },
      { email: 'bob@customer.test', name: 'Bob Customer' },
      { email: 'gone@customer.test', name: 'Gone', deleted: true },
      { email: 'spammer@junk.test', name: 'Spammer', spam: true },
      { email: null, name: '', anonymous: true },
      ...Array.from({ length: 25 }, (_, i) => ({ email: `cc${i + 1}@partner.test`, name: `Partner ${i + 1}` })),
    ])
    .returning();
  const [alice, bob, deleted, spammer, anonymous] = contactRows;
  const partners = contactRows.slice(5);

  const [blueprint] = await db
    .insert(t.blueprints)
    .values({
      departmentId: billing!.id,
      name: 'Refund approval',
      transitions: [
        { from: 'open', to: 'escalated' },
        { from: 'escalated', to: 'closed' },
      ],
    })
    .returning();

  const ticketRows = await db
    .insert(t.tickets)
    .values([
      { departmentId: support!.id, channel: 'email', contactId: alice!.id, subject: 'Cannot log in', lastThreadChannel: 'email' },
      { departmentId: support!.id, channel: 'chat', contactId: bob!.id, subject: 'Chat about pricing', status: 'on_hold', lastThreadChannel: 'chat' },
      { departmentId: billing!.id, channel: 'email', contactId: alice!.id, subject: 'Invoice 2026-11', lastThreadChannel: 'email' },
      { departmentId: billing!.id, channel: 'web', contactId: bob!.id, subject: 'Refund please', blueprintId: blueprint!.id },
      { departmentId: returns!.id, channel: 'phone', contactId: bob!.id, subject: 'Broken on arrival' },
    ])
    .returning();
  const [views] = [
    await db
      .insert(t.views)
      .values([
        { name: 'Open', kind: 'normal', departmentId: support!.id, filter: { statuses: ['open'] } },
        { name: 'Billing spam', kind: 'spam', departmentId: billing!.id, filter: {} },
        { name: 'Returns open', kind: 'normal', departmentId: returns!.id, filter: {} },
        { name: 'All departments', kind: 'all_departments', departmentId: null, filter: {} },
      ])
      .returning(),
  ];
  const [outageTemplate, refundTemplate] = await db
    .insert(t.templates)
    .values([
      { departmentId: support!.id, name: 'Outage', subject: 'Update', body: 'Hello {{contact.name}}' },
      { departmentId: billing!.id, name: 'Refund', subject: 'Refund', body: 'Refunded {{ticket.number}}' },
    ])
    .returning();

  return {
    departments: { support: support!, billing: billing!, returns: returns! },
    agents: { admin: adminAgent!, lead: leadAgent!, agent: supportAgent!, viewer: viewerAgent!, nobody: nobodyAgent! },
    teams: { tier2: tier2!, refunds: billingTeam! },
    tokens,
    contacts: { alice: alice!, bob: bob!, deleted: deleted!, spammer: spammer!, anonymous: anonymous!, partners },
    blueprint: blueprint!,
    templates: { outage: outageTemplate!, refund: refundTemplate! },
    tickets: ticketRows,
    views: { supportOpen: views[0]!, billingSpam: views[1]!, returnsOpen: views[2]!, all: views[3]! },
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** A fresh server on a fresh database with the test world in it. */
export async function startWorld(kind: 'pglite' | 'postgres', options: TestServerOptions = {}): Promise<{ server: TestServer; world: World }> {
  const server = await createTestServer(kind, options);
  return { server, world: await buildWorld(server.database.db) };
}
