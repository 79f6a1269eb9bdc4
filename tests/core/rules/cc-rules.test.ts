import { describe, expect, it } from 'vitest';
import { autoCcAddresses, checkCcEnabled, checkSecondaryContacts, MAX_SECONDARY_CONTACTS } from '../../../core/rules/cc-rules';
import type { CcCandidate } from '../../../core/rules/cc-rules';
import { defaultDepartmentFeatures } from '../../../core/schemas/department';
import { ids, rulesOf, violationsOf } from './fixtures';

const department = {
  name: 'Billing',
  supportAddresses: ['support@acme.test'],
  fromAddresses: ['billing@acme.test'],
};
const agentEmails = ['alice@acme.test'];

function existing(email: string, id: number, flags: { deleted?: boolean; spam?: boolean; anonymous?: boolean } = {}): CcCandidate {
  return { email, contact: { id, deleted: false, spam: false, anonymous: false, ...flags } };
}
const typed = (email: string): CcCandidate => ({ email, contact: null });

function check(candidates: CcCandidate[], ticketId?: number) {
  return checkSecondaryContacts(ticketId === undefined ? { department, agentEmails, candidates } : { department, agentEmails, candidates, ticketId });
}

describe('R-CC-1 CC is enabled per department and needs its help center', () => {
  const on = { ...defaultDepartmentFeatures, cc: true };

  it('allows when cc is on and the help center is on', () => {
    expect(checkCcEnabled({ name: 'Billing', helpCenter: true, features: on })).toEqual({ ok: true });
  });

  it('is off by default', () => {
    const verdict = checkCcEnabled({ name: 'Billing', helpCenter: true, features: defaultDepartmentFeatures });
    expect(rulesOf(verdict)).toEqual(['R-CC-1']);
    expect(violationsOf(verdict)[0]?.message).toMatch(/not enabled in department Billing.*admin/);
  });

  it('refuses when the help center is off', () => {
    const verdict = checkCcEnabled({ name: 'Billing', helpCenter: false, features: on });
    expect(rulesOf(verdict)).toEqual(['R-CC-1']);
    expect(violationsOf(verdict)[0]?.message).toMatch(/help center of department Billing/);
  });

  it('reports both when both are off', () => {
    expect(rulesOf(checkCcEnabled({ name: 'Billing', helpCenter: false, features: defaultDepartmentFeatures }))).toEqual(['R-CC-1', 'R-CC-1']);
  });
});

describe('R-CC-2 at most 20 secondary contacts per ticket', () => {
  const many = (n: number) => ids(n).map((i) => existing(`c${i}@example.com`, i));

  it('the limit is 20', () => {
    expect(MAX_SECONDARY_CONTACTS).toBe(20);
  });

  it.each([0, 1, 20])('allows %i', (n) => {
    expect(check(many(n)).verdict).toEqual({ ok: true });
  });

  it('refuses 21, naming the count, with the ticket id', () => {
    const { verdict } = check(many(21), 42);
    expect(violationsOf(verdict)).toMatchObject([
      {
        rule: 'R-CC-2',
        message: 'This ticket would have 21 secondary contacts; at most 20 are allowed. Remove 1.',
        ticketId: 42,
      },
    ]);
  });

  it('counts addresses case-insensitively: 20 plus a repeat in other case is 20', () => {
    expect(check([...many(20), typed('C1@EXAMPLE.COM')]).verdict.ok).toBe(true);
  });
});

describe('R-CC-3 never allowed addresses are named with the reason', () => {
  it.each([
    ['a deleted contact', existing('gone@example.com', 1, { deleted: true })],
    ['a spam contact', existing('spam@example.com', 2, { spam: true })],
    ['an anonymous contact', existing('anon@example.com', 3, { anonymous: true })],
    ['a support address of department Billing', typed('Support@Acme.test')],
    ['a from-address of department Billing', typed('BILLING@acme.test')],
    ["an agent's address", typed(' alice@ACME.test ')],
  ])('refuses %s', (reason, candidate) => {
    const { verdict, toCreate } = check([candidate]);
    expect(violationsOf(verdict)).toMatchObject([{ rule: 'R-CC-3', message: `${candidate.email.trim()} cannot be a secondary contact: it is ${reason}.` }]);
    expect(toCreate).toEqual([]);
  });

  it('names every reason of one address', () => {
    const { verdict } = check([existing('alice@acme.test', 4, { spam: true })]);
    expect(violationsOf(verdict)[0]?.message).toBe("alice@acme.test cannot be a secondary contact: it is a spam contact and an agent's address.");
  });

  it('names each refused address and lets the others through, with the ticket id', () => {
    const { verdict } = check([existing('ok@example.com', 1), typed('support@acme.test'), existing('x@example.com', 2, { deleted: true })], 42);
    expect(violationsOf(verdict).map((v) => [v.rule, v.ticketId, v.message.split(' ')[0]])).toEqual([
      ['R-CC-3', 42, 'support@acme.test'],
      ['R-CC-3', 42, 'x@example.com'],
    ]);
  });

  it('allows an ordinary existing contact', () => {
    expect(check([existing('bob@example.com', 1)]).verdict).toEqual({ ok: true });
  });
});

describe('R-CC-4 a typed address becomes a new contact', () => {
  it('returns typed addresses to create, lower-cased and deduped', () => {
    const { verdict, toCreate } = check([typed('New@Example.com'), typed('new@example.COM'), typed('other@example.com')]);
    expect(verdict.ok).toBe(true);
    expect(toCreate).toEqual(['new@example.com', 'other@example.com']);
  });

  it('does not create existing contacts', () => {
    expect(check([existing('bob@example.com', 1), typed('new@example.com')]).toCreate).toEqual(['new@example.com']);
  });

  it('an existing contact listed first wins over the same address typed', () => {
    expect(check([existing('bob@example.com', 1), typed('BOB@example.com')]).toCreate).toEqual([]);
  });

  it('does not create refused typed addresses', () => {
    expect(check([typed('support@acme.test'), typed('fine@example.com')]).toCreate).toEqual(['fine@example.com']);
  });

  it('ignores blank typed addresses', () => {
    const { verdict, toCreate } = check([typed('  ')]);
    expect(verdict.ok).toBe(true);
    expect(toCreate).toEqual([]);
  });
});

describe('R-CC-6 recipients of an incoming e-mail become secondary contacts', () => {
  const auto = (from: string, recipients: string[], alreadyFollowing: string[] = [], known = new Map<string, NonNullable<CcCandidate['contact']>>()) =>
    autoCcAddresses({ department, agentEmails, from, recipients, knownContacts: known, alreadyFollowing });

  it('takes every To/CC recipient but the sender, once each, in order, lower-cased', () => {
    const { add, skipped } = auto('Ann <Ann@customer.test>', ['support@acme.test', 'Bob@Customer.test', 'ann@customer.test', 'cat@customer.test', 'BOB@customer.test']);
    expect(add.map((c) => c.email)).toEqual(['bob@customer.test', 'cat@customer.test']);
    expect(skipped).toEqual([{ email: 'support@acme.test', reason: 'R-CC-3: a support address of department Billing' }]);
  });

  it('skips R-CC-3 addresses with their reason and keeps the known contact', () => {
    const known = new Map([
      ['gone@customer.test', { id: 7, deleted: true, spam: false, anonymous: false }],
      ['dan@customer.test', { id: 8, deleted: false, spam: false, anonymous: false }],
    ]);
    const { add, skipped } = auto('ann@customer.test', ['billing@acme.test', 'alice@acme.test', 'gone@customer.test', 'dan@customer.test'], [], known);
    expect(add).toEqual([{ email: 'dan@customer.test', contact: known.get('dan@customer.test') }]);
    expect(skipped.map((s) => s.reason)).toEqual(['R-CC-3: a from-address of department Billing', "R-CC-3: an agent's address", 'R-CC-3: a deleted contact']);
  });

  it('R-CC-2 fills up to 20 with those the ticket already has, and says who was left out', () => {
    const recipients = Array.from({ length: 20 }, (_, i) => `r${i}@customer.test`);
    const { add, skipped } = auto('ann@customer.test', recipients, ['x@customer.test', 'y@customer.test']);
    expect(add).toHaveLength(MAX_SECONDARY_CONTACTS - 2);
    expect(skipped.map((s) => s.email)).toEqual(['r18@customer.test', 'r19@customer.test']);
    expect(skipped[0]!.reason).toMatch(/^R-CC-2/);
  });

  it('does not add someone the ticket already has', () => {
    expect(auto('ann@customer.test', ['x@customer.test'], ['X@customer.test']).add).toEqual([]);
  });

  it("a later message leaves out the ticket's customer and the addresses it reached us at, without counting them against the 20", () => {
    const recipients = ['Ann@customer.test', 'support@acme.test', ...Array.from({ length: 20 }, (_, i) => `r${i}@customer.test`)];
    const { add, skipped } = autoCcAddresses({
      department,
      agentEmails,
      from: 'colleague@customer.test',
      recipients,
      knownContacts: new Map(),
      alreadyFollowing: [],
      exclude: ['ann@customer.test', 'support@acme.test'],
    });
    expect(add).toHaveLength(20);
    expect(skipped).toEqual([]);
  });
});
