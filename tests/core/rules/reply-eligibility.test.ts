import { describe, expect, it } from 'vitest';
import { checkBulkReply, MAX_BULK_REPLY, replyEligibility, replyRecipients } from '../../../core/rules/reply-eligibility';
import type { ReplyTarget } from '../../../core/rules/reply-eligibility';
import type { Channel } from '../../../core/schemas/ticket';
import type { ViewKind } from '../../../core/schemas/view';
import { ids, makeAccess, rulesOf, violationsOf } from './fixtures';

function target(id: number, overrides: Partial<ReplyTarget['ticket']> = {}, contactEmail: string | null = `c${id}@example.com`): ReplyTarget {
  return { ticket: { id, number: id + 1000, departmentId: 10, channel: 'email', lastThreadChannel: 'email', ...overrides }, contactEmail };
}

const admin = makeAccess({ 10: ['ticket.view', 'ticket.send_email', 'ticket.bulk_reply'] }, { 10: 'Billing' });

function check(targets: ReplyTarget[], viewKind: ViewKind | null = 'normal', access = admin) {
  return checkBulkReply({ targets, viewKind, access });
}

describe('R-REPLY-1 at most 50 tickets per bulk reply', () => {
  it('the limit is 50', () => {
    expect(MAX_BULK_REPLY).toBe(50);
  });

  it('refuses 0 tickets and asks to select at least one', () => {
    const { request } = check([]);
    expect(rulesOf(request)).toEqual(['R-REPLY-1']);
    expect(violationsOf(request)[0]?.message).toMatch(/at least one/);
  });

  it('allows 1 ticket', () => {
    expect(check([target(1)]).request.ok).toBe(true);
  });

  it('allows exactly 50 tickets', () => {
    const result = check(ids(50).map((id) => target(id)));
    expect(result.request.ok).toBe(true);
    expect(result.eligible).toHaveLength(50);
  });

  it('refuses 51 tickets, naming the count and the limit', () => {
    const { request } = check(ids(51).map((id) => target(id)));
    expect(rulesOf(request)).toEqual(['R-REPLY-1']);
    expect(violationsOf(request)[0]?.message).toMatch(/51 tickets.*at most 50/);
  });

  it('counts a ticket selected twice once', () => {
    const result = check([...ids(50).map((id) => target(id)), target(1)]);
    expect(result.request.ok).toBe(true);
    expect(result.eligible).toHaveLength(50);
  });
});

describe('R-REPLY-3 every target needs a contact e-mail address', () => {
  it('refuses a ticket whose contact has no address, naming the ticket', () => {
    const verdict = replyEligibility(target(42, {}, null));
    expect(violationsOf(verdict)).toEqual([expect.objectContaining({ rule: 'R-REPLY-3', ticketId: 42, message: expect.stringContaining('#1042') })]);
  });

  it('treats a blank address as missing', () => {
    expect(rulesOf(replyEligibility(target(42, {}, '  ')))).toEqual(['R-REPLY-3']);
  });

  it('allows a ticket with an address', () => {
    expect(replyEligibility(target(42)).ok).toBe(true);
  });

  it('reports both R-REPLY-3 and R-REPLY-4 when both apply', () => {
    const verdict = replyEligibility(target(42, { channel: 'chat', lastThreadChannel: 'chat' }, null));
    expect(rulesOf(verdict)).toEqual(['R-REPLY-3', 'R-REPLY-4']);
    expect(violationsOf(verdict).every((v) => v.ticketId === 42)).toBe(true);
  });
});

describe('R-REPLY-4 channel eligibility', () => {
  // Copied from RULES.md: email, web, phone eligible; social only if the last thread was e-mail; forum, im, chat never.
  const channels: [Channel, boolean][] = [
    ['email', true],
    ['web', true],
    ['phone', true],
    ['forum', false],
    ['im', false],
    ['chat', false],
  ];

  it.each(channels)('a %s ticket is eligible: %s', (channel, eligible) => {
    const verdict = replyEligibility(target(42, { channel, lastThreadChannel: channel }));
    expect(verdict.ok).toBe(eligible);
    if (!eligible) {
      expect(violationsOf(verdict)).toEqual([expect.objectContaining({ rule: 'R-REPLY-4', ticketId: 42, message: expect.stringContaining(`#1042 is a ${channel} ticket`) })]);
    }
  });

  it('says what to do instead for a chat ticket', () => {
    expect(violationsOf(replyEligibility(target(42, { channel: 'chat' })))[0]?.message).toBe(
      '#1042 is a chat ticket; bulk reply only goes to email, web and phone tickets (and social tickets whose last message was e-mail). Reply to it from its own channel.',
    );
  });

  it('forum, im and chat stay ineligible even when their last thread was e-mail', () => {
    for (const channel of ['forum', 'im', 'chat'] as const) {
      expect(replyEligibility(target(1, { channel, lastThreadChannel: 'email' })).ok).toBe(false);
    }
  });

  it('a social ticket whose last thread went by e-mail is eligible', () => {
    expect(replyEligibility(target(7, { channel: 'social', lastThreadChannel: 'email' })).ok).toBe(true);
  });

  it.each(['web', 'chat', 'phone', 'social', 'forum', 'im'] as const)('a social ticket whose last thread went by %s is not eligible', (last) => {
    const verdict = replyEligibility(target(7, { channel: 'social', lastThreadChannel: last }));
    expect(violationsOf(verdict)).toEqual([expect.objectContaining({ rule: 'R-REPLY-4', ticketId: 7, message: expect.stringContaining(`came by ${last}`) })]);
  });

  it('a social ticket with no known last thread is not eligible', () => {
    const verdict = replyEligibility(target(7, { channel: 'social', lastThreadChannel: null }));
    expect(rulesOf(verdict)).toEqual(['R-REPLY-4']);
    expect(violationsOf(verdict)[0]?.message).toMatch(/#1007 is a social ticket/);
  });

  it('email, web and phone do not depend on the last thread', () => {
    for (const channel of ['email', 'web', 'phone'] as const) {
      expect(replyEligibility(target(1, { channel, lastThreadChannel: null })).ok).toBe(true);
      expect(replyEligibility(target(1, { channel, lastThreadChannel: 'chat' })).ok).toBe(true);
    }
  });
});

describe('R-REPLY-5 the reply also goes to secondary contacts and CC addresses', () => {
  it('sends to the contact and copies secondary contacts then CC addresses', () => {
    expect(replyRecipients({ contactEmail: 'ann@example.com', secondaryContactEmails: ['bob@example.com'], ccAddresses: ['cat@example.com'] })).toEqual({
      to: ['ann@example.com'],
      cc: ['bob@example.com', 'cat@example.com'],
    });
  });

  it('dedupes case-insensitively and never repeats the To address in CC', () => {
    expect(
      replyRecipients({
        contactEmail: 'Ann@Example.com',
        secondaryContactEmails: ['bob@example.com', 'ANN@example.COM', 'BOB@example.com'],
        ccAddresses: ['bob@EXAMPLE.com', 'ann@example.com', 'dan@example.com'],
      }),
    ).toEqual({ to: ['Ann@Example.com'], cc: ['bob@example.com', 'dan@example.com'] });
  });

  it('R-CC-7 leaves out, case-insensitively, the copies the agent untied from this reply, never the contact', () => {
    expect(
      replyRecipients({
        contactEmail: 'ann@example.com',
        secondaryContactEmails: ['bob@example.com', 'cat@example.com'],
        ccAddresses: ['dan@example.com'],
        omit: ['BOB@example.com', 'dan@example.com', 'ann@example.com'],
      }),
    ).toEqual({ to: ['ann@example.com'], cc: ['cat@example.com'] });
  });

  it('with nobody copied, CC is empty', () => {
    expect(replyRecipients({ contactEmail: 'ann@example.com', secondaryContactEmails: [], ccAddresses: [] })).toEqual({
      to: ['ann@example.com'],
      cc: [],
    });
  });
});

describe('R-REPLY-6 one department, never the all-departments view', () => {
  it('refuses in the all-departments view', () => {
    const { request } = check([target(1)], 'all_departments');
    expect(rulesOf(request)).toEqual(['R-REPLY-6']);
    expect(violationsOf(request)[0]?.message).toMatch(/all-departments view/);
  });

  it.each(['normal', 'blueprint', 'spam', 'shared_open', 'shared', 'archived'] as const)('is not refused by R-REPLY-6 in a %s view', (kind) => {
    expect(rulesOf(check([target(1)], kind).request)).not.toContain('R-REPLY-6');
  });

  it('allows a selection made outside any view', () => {
    expect(check([target(1)], null).request.ok).toBe(true);
  });

  it('refuses targets spanning two departments, naming them', () => {
    const access = makeAccess({ 10: ['ticket.send_email', 'ticket.bulk_reply'], 20: ['ticket.send_email', 'ticket.bulk_reply'] });
    const { request } = check([target(1), target(2, { departmentId: 20 })], 'normal', access);
    expect(rulesOf(request)).toEqual(['R-REPLY-6']);
    expect(violationsOf(request)[0]?.message).toMatch(/2 departments \(10, 20\)/);
  });
});

describe('R-PERM-3 bulk reply needs ticket.bulk_reply in the department', () => {
  it('refuses an agent without it, naming the department and that an admin grants it', () => {
    const agent = makeAccess({ 10: ['ticket.view', 'ticket.send_email'] }, { 10: 'Billing' });
    const { request } = check([target(1)], 'normal', agent);
    expect(violationsOf(request)).toMatchObject([
      {
        rule: 'R-PERM-3',
        message: 'You need the permission ticket.bulk_reply in department Billing. Only admins have it by default; ask an admin to grant bulk reply to your role.',
      },
    ]);
  });

  it('a grant in another department does not help', () => {
    const other = makeAccess({ 20: ['ticket.send_email', 'ticket.bulk_reply'] });
    expect(rulesOf(check([target(1)], 'normal', other).request)).toEqual(['R-PERM-3']);
  });

  it('reports every request problem at once', () => {
    const none = makeAccess({});
    const { request } = check(
      ids(51).map((id) => target(id)),
      'all_departments',
      none,
    );
    expect(rulesOf(request)).toEqual(['R-REPLY-1', 'R-REPLY-6', 'R-PERM-3']);
  });
});

describe('R-REPLY-7 eligible count and reasons for each ineligible ticket', () => {
  const targets = [
    target(1),
    target(2, { channel: 'chat', lastThreadChannel: 'chat' }),
    target(3, { channel: 'social', lastThreadChannel: 'email' }),
    target(4, {}, null),
    target(5, { channel: 'web' }),
    target(6, { channel: 'im', lastThreadChannel: 'im' }, null),
  ];

  it('lists eligible ids in selection order', () => {
    expect(check(targets).eligible).toEqual([1, 3, 5]);
  });

  it('lists each ineligible ticket with its rule ids and plain words', () => {
    const { ineligible } = check(targets);
    expect(ineligible.map((i) => [i.ticketId, i.violations.map((v) => v.rule)])).toEqual([
      [2, ['R-REPLY-4']],
      [4, ['R-REPLY-3']],
      [6, ['R-REPLY-3', 'R-REPLY-4']],
    ]);
    for (const item of ineligible) {
      for (const v of item.violations) expect(v.message).toContain(`#${item.ticketId + 1000}`);
    }
  });

  it('ineligible tickets do not block the request; only eligible ones are sent', () => {
    const result = check(targets);
    expect(result.request.ok).toBe(true);
    expect(result.eligible).not.toContain(2);
  });

  it('still lists eligibility when the request itself is refused', () => {
    const result = check(targets, 'all_departments');
    expect(result.request.ok).toBe(false);
    expect(result.eligible).toEqual([1, 3, 5]);
    expect(result.ineligible).toHaveLength(3);
  });
});

describe('R-BULK-12 a bulk reply never goes to a spam contact', () => {
  it('refuses the ticket, naming its number and the address', () => {
    const verdict = replyEligibility({ ...target(42), contactSpam: true });
    expect(violationsOf(verdict)).toEqual([
      expect.objectContaining({ rule: 'R-BULK-12', ticketId: 42, message: expect.stringContaining("#1042's contact c42@example.com is marked spam") }),
    ]);
  });
});
