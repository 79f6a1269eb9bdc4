import { describe, expect, it } from 'vitest';
import {
  checkFieldChoices,
  checkMerge,
  defaultFieldChoices,
  defaultPrimary,
  isEmptyValue,
  MAX_MERGE,
  MERGEABLE_FIELDS,
  mergedFields,
  MIN_MERGE,
} from '../../../core/rules/merge-rules';
import type { MergeableField } from '../../../core/rules/merge-rules';
import { Ticket } from '../../../core/schemas/ticket';
import { ids, makeAccess, makeTicket, rulesOf, violationsOf } from './fixtures';

const merger = makeAccess({ 10: ['ticket.view', 'ticket.merge'], 20: ['ticket.view', 'ticket.merge'] }, { 10: 'Billing' });

function candidates(n: number, departmentId = 10) {
  return ids(n).map((id) => makeTicket({ id, departmentId }));
}

describe('R-MERGE-1 merging needs ticket.merge', () => {
  it('allows an agent with ticket.merge in the department', () => {
    expect(checkMerge({ tickets: candidates(2), access: merger }).ok).toBe(true);
  });

  it('refuses without it, naming the permission and the department', () => {
    const access = makeAccess({ 10: ['ticket.view'] }, { 10: 'Billing' });
    expect(violationsOf(checkMerge({ tickets: candidates(2), access }))).toMatchObject([
      {
        rule: 'R-MERGE-1',
        message: 'You need the permission ticket.merge in department Billing (ask an admin to grant it to your role).',
      },
    ]);
  });

  it('a grant in another department does not help', () => {
    const access = makeAccess({ 20: ['ticket.merge'] });
    expect(rulesOf(checkMerge({ tickets: candidates(2), access }))).toEqual(['R-MERGE-1']);
  });
});

describe('R-MERGE-2 2 to 5 tickets, all in the same department', () => {
  it('the limits are 2 and 5', () => {
    expect([MIN_MERGE, MAX_MERGE]).toEqual([2, 5]);
  });

  it.each([0, 1, 6, 7])('refuses %i tickets', (n) => {
    const verdict = checkMerge({ tickets: candidates(n), access: merger });
    expect(rulesOf(verdict)).toEqual(['R-MERGE-2']);
    expect(violationsOf(verdict)[0]?.message).toContain(String(n));
  });

  it.each([2, 3, 4, 5])('allows %i tickets', (n) => {
    expect(checkMerge({ tickets: candidates(n), access: merger }).ok).toBe(true);
  });

  it('says how many to drop for 6', () => {
    expect(violationsOf(checkMerge({ tickets: candidates(6), access: merger }))[0]?.message).toBe('You selected 6 tickets; at most 5 can be merged at once. Select 1 fewer.');
  });

  it('counts distinct tickets: one ticket twice is 1 ticket', () => {
    const one = makeTicket({ id: 1 });
    expect(rulesOf(checkMerge({ tickets: [one, one], access: merger }))).toEqual(['R-MERGE-2']);
  });

  it('counts distinct tickets: 5 tickets with a repeat is 5', () => {
    const five = candidates(5);
    expect(checkMerge({ tickets: [...five, five[0]!], access: merger }).ok).toBe(true);
  });

  it('refuses tickets of two departments, naming the department ids', () => {
    const tickets = [makeTicket({ id: 1, departmentId: 10 }), makeTicket({ id: 2, departmentId: 20 })];
    const verdict = checkMerge({ tickets, access: merger });
    expect(rulesOf(verdict)).toEqual(['R-MERGE-2']);
    expect(violationsOf(verdict)[0]?.message).toMatch(/different departments \(10, 20\)/);
  });
});

describe('R-MERGE-7 trashed or already merged tickets cannot be merged again', () => {
  it('refuses a trashed ticket, naming it', () => {
    const tickets = [makeTicket({ id: 1 }), makeTicket({ id: 2, number: 1260, trashedAt: '2025-02-01T00:00:00Z' })];
    expect(violationsOf(checkMerge({ tickets, access: merger }))).toMatchObject([{ rule: 'R-MERGE-7', message: '#1260 is in the trash; restore it before merging.', ticketId: 2 }]);
  });

  it('refuses a ticket already merged, pointing to its primary', () => {
    const tickets = [makeTicket({ id: 1 }), makeTicket({ id: 2, number: 1261, mergedIntoId: 9, trashedAt: '2025-02-01T00:00:00Z' })];
    expect(violationsOf(checkMerge({ tickets, access: merger, primaryNumbers: new Map([[9, 1287]]) }))).toMatchObject([
      { rule: 'R-MERGE-7', message: '#1261 was already merged into #1287; merge #1287 instead.', ticketId: 2 },
    ]);
    expect(violationsOf(checkMerge({ tickets, access: merger }))[0]?.message).toBe('#1261 was already merged into another ticket; merge the ticket it was merged into instead.');
  });

  it('reports each such ticket and the other problems together', () => {
    const tickets = [makeTicket({ id: 1, trashedAt: '2025-02-01T00:00:00Z' }), makeTicket({ id: 2, mergedIntoId: 5 })];
    const verdict = checkMerge({ tickets, access: makeAccess({}) });
    expect(violationsOf(verdict).map((v) => [v.rule, v.ticketId])).toEqual([
      ['R-MERGE-7', 1],
      ['R-MERGE-7', 2],
      ['R-MERGE-1', undefined],
    ]);
  });
});

describe('R-MERGE-3 the oldest ticket is the primary by default', () => {
  it('picks the oldest by created time, whatever the input order', () => {
    const tickets = [
      makeTicket({ id: 1, createdAt: '2025-03-01T00:00:00Z' }),
      makeTicket({ id: 2, createdAt: '2025-01-01T00:00:00Z' }),
      makeTicket({ id: 3, createdAt: '2025-02-01T00:00:00Z' }),
    ];
    expect(defaultPrimary(tickets)).toBe(2);
    expect(defaultPrimary([...tickets].reverse())).toBe(2);
  });

  it('breaks ties by the lowest id', () => {
    const at = '2025-01-01T00:00:00Z';
    expect(defaultPrimary([makeTicket({ id: 9, createdAt: at }), makeTicket({ id: 4, createdAt: at })])).toBe(4);
  });

  it('compares instants, not strings, across UTC offsets', () => {
    // 10:00+02:00 is 08:00Z, earlier than 09:00Z although it sorts later as text.
    const tickets = [makeTicket({ id: 1, createdAt: '2025-01-01T09:00:00Z' }), makeTicket({ id: 2, createdAt: '2025-01-01T10:00:00+02:00' })];
    expect(defaultPrimary(tickets)).toBe(2);
  });

  it('throws on no tickets, which is a programming error', () => {
    expect(() => defaultPrimary([])).toThrow(RangeError);
  });
});

describe('R-MERGE-4 the agent chooses each field; empty primary values are filled', () => {
  const primary = makeTicket({ id: 1, createdAt: '2025-01-01T00:00:00Z', subject: 'First', account: null, tags: [], customFields: {} });
  const middle = makeTicket({ id: 2, createdAt: '2025-01-02T00:00:00Z', subject: 'Second', account: 'ACME', tags: ['vip'] });
  const newest = makeTicket({
    id: 3,
    createdAt: '2025-01-03T00:00:00Z',
    subject: 'Third',
    account: 'Globex',
    product: 'Widget',
    customFields: { plan: 'gold' },
  });
  const tickets = [newest, middle, primary];

  /**
   * The ticket fields R-MERGE-4 does not offer, each with the reason the merged ticket keeps the
   * primary's value. With MERGEABLE_FIELDS (imported, not copied) they must make up the Ticket
   * schema exactly: a new ticket field, or one moved in or out of the list, fails until it is placed.
   */
  const KEPT_FROM_PRIMARY: Record<string, string> = {
    id: 'the primary is the ticket that stays',
    number: 'R-MERGE-5',
    departmentId: 'R-MERGE-2, R-MERGE-5: one department',
    createdAt: 'R-MERGE-5',
    firstResponseAt: 'R-MERGE-5',
    onHoldSeconds: 'R-MERGE-5',
    onHoldSince: 'R-MERGE-5',
    channel: 'how the primary came in',
    blueprintId: "the primary's blueprint",
    lastThreadChannel: 'recomputed from the merged threads',
    spam: "the primary's",
    trashedAt: 'the primary stays live (R-MERGE-7)',
    mergedIntoId: 'the primary is merged into nothing',
    webmailThreads: 'the links of all tickets move to the primary',
    updatedAt: 'bookkeeping',
    closedAt: 'follows the chosen status',
    version: 'optimistic concurrency',
  };
  const ticketFields = Object.keys(Ticket.shape);

  it('offers every ticket field that is not kept from the primary, each once', () => {
    expect(new Set(MERGEABLE_FIELDS).size).toBe(MERGEABLE_FIELDS.length);
    expect(MERGEABLE_FIELDS.filter((f) => f in KEPT_FROM_PRIMARY)).toEqual([]);
    expect([...MERGEABLE_FIELDS, ...Object.keys(KEPT_FROM_PRIMARY)].sort()).toEqual([...ticketFields].sort());
  });

  it('the merged ticket takes every offered field from the chosen ticket and every other field from the primary', () => {
    const first = makeTicket({
      id: 1,
      number: 1001,
      departmentId: 10,
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T01:00:00Z',
      firstResponseAt: '2025-01-01T02:00:00Z',
      closedAt: null,
      onHoldSeconds: 60,
      onHoldSince: null,
      channel: 'email',
      lastThreadChannel: 'email',
      blueprintId: 31,
      spam: false,
      trashedAt: null,
      mergedIntoId: null,
      version: 3,
      webmailThreads: [{ provider: 'gmail', mailbox: 'a@x.example', threadId: 't1' }],
      contactId: 501,
      account: 'A',
      subject: 'One',
      product: 'P1',
      category: 'C1',
      priority: 'low',
      status: 'open',
      assigneeAgentId: 7,
      assigneeTeamId: 8,
      secondaryContactIds: [601],
      ccAddresses: ['one@cc.example'],
      tags: ['one'],
      resolution: 'R1',
      customFields: { k: 1 },
    });
    const second = makeTicket({
      id: 2,
      number: 1002,
      departmentId: 11,
      createdAt: '2025-01-02T00:00:00Z',
      updatedAt: '2025-01-02T01:00:00Z',
      firstResponseAt: '2025-01-02T02:00:00Z',
      closedAt: '2025-01-02T03:00:00Z',
      onHoldSeconds: 90,
      onHoldSince: '2025-01-02T04:00:00Z',
      channel: 'web',
      lastThreadChannel: 'web',
      blueprintId: 32,
      spam: true,
      trashedAt: '2025-01-02T05:00:00Z',
      mergedIntoId: 9,
      version: 4,
      webmailThreads: [{ provider: 'outlook', mailbox: 'b@x.example', threadId: 't2' }],
      contactId: 502,
      account: 'B',
      subject: 'Two',
      product: 'P2',
      category: 'C2',
      priority: 'high',
      status: 'escalated',
      assigneeAgentId: 17,
      assigneeTeamId: 18,
      secondaryContactIds: [602],
      ccAddresses: ['two@cc.example'],
      tags: ['two'],
      resolution: 'R2',
      customFields: { k: 2 },
    });
    // Every field differs between the two, so each one shows which ticket it came from.
    for (const field of ticketFields) expect(first[field as keyof Ticket], field).not.toEqual(second[field as keyof Ticket]);
    const merged = mergedFields([first, second], 1, Object.fromEntries(MERGEABLE_FIELDS.map((f) => [f, 2])));
    const mergeable = new Set<string>(MERGEABLE_FIELDS);
    for (const field of ticketFields) {
      const key = field as keyof Ticket;
      expect(merged[key], field).toEqual(mergeable.has(field) ? second[key] : first[key]);
    }
  });

  it('refuses choosing any field kept from the primary', () => {
    for (const field of Object.keys(KEPT_FROM_PRIMARY)) {
      expect(rulesOf(checkFieldChoices(tickets, { [field]: 2 })), field).toEqual(['R-MERGE-4']);
    }
  });

  it.each([
    [null, true],
    [undefined, true],
    ['', true],
    [[], true],
    [{}, true],
    ['x', false],
    [0, false],
    [false, false],
    [[1], false],
    [{ a: null }, false],
  ])('isEmptyValue(%j) is %s', (value, expected) => {
    expect(isEmptyValue(value)).toBe(expected);
  });

  it('defaults text and custom fields to the newest non-empty value, and fills other empty fields of the primary from the newest ticket that has one', () => {
    const choices = defaultFieldChoices(tickets, 1);
    expect(choices.subject).toBe(3);
    expect(choices.account).toBe(3);
    expect(choices.tags).toBe(2);
    expect(choices.product).toBe(3);
    expect(choices.customFields).toBe(3);
    expect(choices.category).toBe(1);
    expect(choices.contactId).toBe(1);
    expect(Object.keys(choices).sort()).toEqual([...MERGEABLE_FIELDS].sort());
  });

  it('takes the newest by created time, then the higher id, when several tickets have a value', () => {
    const at = '2025-01-05T00:00:00Z';
    const a = makeTicket({ id: 8, createdAt: at, account: 'Eight' });
    const b = makeTicket({ id: 7, createdAt: at, account: 'Seven' });
    expect(defaultFieldChoices([primary, a, b], 1).account).toBe(8);
    expect(defaultFieldChoices([primary, b, a], 1).account).toBe(8);
  });

  it('a non-oldest primary keeps its own non-text values', () => {
    expect(defaultFieldChoices(tickets, 2).tags).toBe(2);
    expect(defaultFieldChoices(tickets, 3).tags).toBe(2);
    expect(defaultFieldChoices(tickets, 3).subject).toBe(3);
  });

  it('accepts choices of known fields and merged tickets', () => {
    expect(checkFieldChoices(tickets, { subject: 2, account: 3, tags: 1 })).toEqual({ ok: true });
    expect(checkFieldChoices(tickets, {})).toEqual({ ok: true });
  });

  it('refuses an unknown field, naming it', () => {
    const verdict = checkFieldChoices(tickets, { createdAt: 2 });
    expect(rulesOf(verdict)).toEqual(['R-MERGE-4']);
    expect(violationsOf(verdict)[0]?.message).toMatch(/no field "createdAt"/);
  });

  it('refuses a ticket that is not being merged, naming it', () => {
    const verdict = checkFieldChoices(tickets, { subject: 99 });
    expect(rulesOf(verdict)).toEqual(['R-MERGE-4']);
    expect(violationsOf(verdict)[0]?.message).toBe(
      `For the field subject you chose ticket id 99, which is not one of the tickets being merged (${tickets.map((t) => `#${t.number}`).join(', ')}); choose one of them.`,
    );
  });

  it('builds the merged ticket from the chosen tickets', () => {
    const merged = mergedFields(tickets, 1, { subject: 3, account: 3 });
    expect(merged.subject).toBe('Third');
    expect(merged.account).toBe('Globex');
    // Unchosen fields follow the defaults: empty primary values filled, others kept.
    expect(merged.tags).toEqual(['vip']);
    expect(merged.product).toBe('Widget');
    expect(merged.customFields).toEqual({ plan: 'gold' });
  });

  it('an explicit choice may keep an empty value of the primary', () => {
    expect(mergedFields(tickets, 1, { account: 1 }).account).toBeNull();
  });

  it('does not share arrays or objects with the source tickets', () => {
    const merged = mergedFields(tickets, 1, {});
    merged.tags.push('changed');
    merged.customFields['plan'] = 'silver';
    expect(middle.tags).toEqual(['vip']);
    expect(newest.customFields).toEqual({ plan: 'gold' });
  });

  it('does not change the input tickets', () => {
    mergedFields(tickets, 1, { subject: 3 });
    expect(primary.subject).toBe('First');
  });

  it('throws when a choice names a ticket outside the merge (check first)', () => {
    expect(() => mergedFields(tickets, 1, { subject: 99 })).toThrow(RangeError);
  });
});

describe('R-MERGE-5 created, first-response and on-hold time come from the primary', () => {
  const primary = makeTicket({
    id: 2,
    number: 1002,
    departmentId: 10,
    createdAt: '2025-01-02T00:00:00Z',
    firstResponseAt: '2025-01-02T01:00:00Z',
    onHoldSeconds: 300,
    onHoldSince: null,
  });
  const other = makeTicket({
    id: 1,
    number: 1001,
    createdAt: '2025-01-01T00:00:00Z',
    firstResponseAt: '2025-01-01T05:00:00Z',
    onHoldSeconds: 9000,
    onHoldSince: '2025-01-01T06:00:00Z',
    subject: 'Other',
  });

  it('keeps those fields from a primary that is not the oldest, whatever else is chosen', () => {
    const all = Object.fromEntries(MERGEABLE_FIELDS.map((f) => [f, 1])) as Record<MergeableField, number>;
    const merged = mergedFields([primary, other], 2, all);
    expect(merged).toMatchObject({
      id: 2,
      number: 1002,
      departmentId: 10,
      createdAt: '2025-01-02T00:00:00Z',
      firstResponseAt: '2025-01-02T01:00:00Z',
      onHoldSeconds: 300,
      onHoldSince: null,
    });
    expect(merged.subject).toBe('Other');
  });

  it('refuses choosing those fields', () => {
    const verdict = checkFieldChoices([primary, other], { createdAt: 1, firstResponseAt: 1, onHoldSeconds: 1 });
    expect(rulesOf(verdict)).toEqual(['R-MERGE-4', 'R-MERGE-4', 'R-MERGE-4']);
  });
});

describe('R-CC-9 secondary contacts are chosen like any field, within the 20 of R-CC-2', () => {
  const twenty = makeTicket({ id: 1, secondaryContactIds: ids(20) });
  const twentyOne = makeTicket({ id: 2, number: 1277, secondaryContactIds: ids(21), createdAt: '2025-01-02T00:00:00Z' });

  it('allows choosing a ticket with 20 secondary contacts', () => {
    expect(checkFieldChoices([twenty, twentyOne], { secondaryContactIds: 1 })).toEqual({ ok: true });
  });

  it('refuses choosing a ticket with 21, naming it', () => {
    const verdict = checkFieldChoices([twenty, twentyOne], { secondaryContactIds: 2 });
    expect(violationsOf(verdict)).toEqual([expect.objectContaining({ rule: 'R-CC-2', ticketId: 2 })]);
    expect(violationsOf(verdict)[0]?.message).toMatch(/^#1277 has 21 secondary contacts.*at most 20.*from #1277 first/);
  });

  it("copies the chosen ticket's secondary contacts, not a union", () => {
    const a = makeTicket({ id: 1, secondaryContactIds: [1, 2] });
    const b = makeTicket({ id: 2, secondaryContactIds: [3], createdAt: '2025-01-02T00:00:00Z' });
    expect(mergedFields([a, b], 1, { secondaryContactIds: 2 }).secondaryContactIds).toEqual([3]);
    expect(mergedFields([a, b], 1, {}).secondaryContactIds).toEqual([1, 2]);
  });
});
