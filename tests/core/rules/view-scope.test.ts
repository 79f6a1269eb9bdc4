import { describe, expect, it } from 'vitest';
import { checkViewAllowsJob, NO_ACTION_VIEW_KINDS, ticketMatchesFilter } from '../../../core/rules/view-scope';
import type { FilterableTicket } from '../../../core/rules/view-scope';
import type { ViewFilter, ViewKind } from '../../../core/schemas/view';
import { ViewKind as ViewKindSchema } from '../../../core/schemas/view';
import { makeTicket, rulesOf, violationsOf } from './fixtures';

// Copied from RULES.md R-BULK-4 and R-BULK-5: [kind, bulk allowed, mass allowed, rule refusing].
const KINDS: [ViewKind, boolean, boolean, string | null][] = [
  ['normal', true, true, null],
  ['all_departments', true, true, null],
  ['blueprint', true, false, 'R-BULK-5'],
  ['spam', false, false, 'R-BULK-4'],
  ['shared_open', false, false, 'R-BULK-4'],
  ['shared', false, false, 'R-BULK-4'],
  ['archived', false, false, 'R-BULK-4'],
];

function view(kind: ViewKind, filter: ViewFilter = {}) {
  return { kind, filter, name: 'My view' };
}

describe('R-BULK-4 no bulk or mass action in spam, shared open, shared, archived views', () => {
  it('the test table covers every view kind', () => {
    expect(KINDS.map(([k]) => k).sort()).toEqual([...ViewKindSchema.options].sort());
  });

  it('lists exactly those four kinds', () => {
    expect([...NO_ACTION_VIEW_KINDS].sort()).toEqual(['archived', 'shared', 'shared_open', 'spam']);
  });

  it.each(KINDS)('a bulk action in a %s view: allowed=%s', (kind, bulk, _mass, rule) => {
    const verdict = checkViewAllowsJob(view(kind), 'bulk');
    expect(verdict.ok).toBe(bulk);
    if (!bulk) expect(rulesOf(verdict)).toEqual([rule]);
  });

  it.each(KINDS)('a mass action in a %s view: allowed=%s', (kind, _bulk, mass, rule) => {
    const verdict = checkViewAllowsJob(view(kind), 'mass');
    expect(verdict.ok).toBe(mass);
    if (!mass) expect(rulesOf(verdict)).toEqual([rule]);
  });

  it('names the view and what to do', () => {
    expect(violationsOf(checkViewAllowsJob({ kind: 'spam', filter: {}, name: 'Spam' }, 'bulk'))[0]?.message).toBe(
      'No bulk or mass action runs in the view "Spam" because it is the spam view. Open a normal view of the department to act on these tickets.',
    );
  });

  it('R-BULK-4 wins over R-BULK-5 for a no-action view filtered on a blueprint', () => {
    expect(rulesOf(checkViewAllowsJob(view('archived', { blueprintId: 3 }), 'mass'))).toEqual(['R-BULK-4']);
  });
});

describe('R-BULK-5 a view filtered on a blueprint allows bulk actions only', () => {
  it('a normal view with a blueprint filter allows bulk', () => {
    expect(checkViewAllowsJob(view('normal', { blueprintId: 3 }), 'bulk').ok).toBe(true);
  });

  it('a normal view with a blueprint filter refuses mass, saying bulk only', () => {
    const verdict = checkViewAllowsJob({ kind: 'normal', filter: { blueprintId: 3 }, name: 'Refunds' }, 'mass');
    expect(rulesOf(verdict)).toEqual(['R-BULK-5']);
    expect(violationsOf(verdict)[0]?.message).toMatch(/"Refunds" is filtered on a blueprint.*bulk actions only/);
  });

  it('the all-departments view with a blueprint filter refuses mass too', () => {
    expect(rulesOf(checkViewAllowsJob(view('all_departments', { blueprintId: 3 }), 'mass'))).toEqual(['R-BULK-5']);
  });

  it('a blueprint-kind view without a blueprint filter still refuses mass', () => {
    expect(rulesOf(checkViewAllowsJob(view('blueprint'), 'mass'))).toEqual(['R-BULK-5']);
  });
});

describe('R-BULK-1 "all tickets in this view": which tickets a view filter matches', () => {
  const base: FilterableTicket = makeTicket({
    status: 'open',
    priority: 'high',
    channel: 'email',
    assigneeAgentId: 3,
    assigneeTeamId: null,
    blueprintId: 9,
    tags: ['vip', 'refund'],
    contactId: 500,
    spam: false,
  });
  const t = (overrides: Partial<FilterableTicket> = {}): FilterableTicket => ({ ...base, ...overrides });

  it('an empty filter matches every non-spam ticket', () => {
    expect(ticketMatchesFilter(base, {})).toBe(true);
  });

  it.each<[string, ViewFilter, boolean]>([
    ['status in list', { statuses: ['closed', 'open'] }, true],
    ['status not in list', { statuses: ['closed'] }, false],
    ['priority in list', { priorities: ['high'] }, true],
    ['priority not in list', { priorities: ['low', 'urgent'] }, false],
    ['channel in list', { channels: ['web', 'email'] }, true],
    ['channel not in list', { channels: ['chat'] }, false],
    ['agent in list', { assigneeAgentIds: [3, 4] }, true],
    ['agent not in list', { assigneeAgentIds: [4] }, false],
    ['team list with no team assigned', { assigneeTeamIds: [1] }, false],
    ['contact in list', { contactIds: [500] }, true],
    ['contact not in list', { contactIds: [501] }, false],
    ['same blueprint', { blueprintId: 9 }, true],
    ['other blueprint', { blueprintId: 8 }, false],
    ['one of the tags', { tags: ['refund', 'other'] }, true],
    ['none of the tags', { tags: ['other'] }, false],
    ['an empty list matches nothing', { statuses: [] }, false],
    ['all criteria hold', { statuses: ['open'], priorities: ['high'], tags: ['vip'], blueprintId: 9 }, true],
    ['one criterion fails among many', { statuses: ['open'], priorities: ['high'], tags: ['vip'], blueprintId: 8 }, false],
  ])('%s', (_name, filter, expected) => {
    expect(ticketMatchesFilter(base, filter)).toBe(expected);
  });

  it('matches a team in the list', () => {
    expect(ticketMatchesFilter(t({ assigneeTeamId: 5 }), { assigneeTeamIds: [5] })).toBe(true);
  });

  it('unassigned: true means no agent and no team', () => {
    expect(ticketMatchesFilter(t({ assigneeAgentId: null, assigneeTeamId: null }), { unassigned: true })).toBe(true);
    expect(ticketMatchesFilter(t({ assigneeAgentId: 3, assigneeTeamId: null }), { unassigned: true })).toBe(false);
    expect(ticketMatchesFilter(t({ assigneeAgentId: null, assigneeTeamId: 5 }), { unassigned: true })).toBe(false);
  });

  it('unassigned: false means assigned to an agent or a team', () => {
    expect(ticketMatchesFilter(t({ assigneeAgentId: null, assigneeTeamId: null }), { unassigned: false })).toBe(false);
    expect(ticketMatchesFilter(t({ assigneeAgentId: null, assigneeTeamId: 5 }), { unassigned: false })).toBe(true);
  });

  it('a ticket without tags never matches a tag filter', () => {
    expect(ticketMatchesFilter(t({ tags: [] }), { tags: ['vip'] })).toBe(false);
  });

  it('a ticket without blueprint does not match a blueprint filter', () => {
    expect(ticketMatchesFilter(t({ blueprintId: null }), { blueprintId: 9 })).toBe(false);
  });
});

describe('R-BULK-12 spam tickets only show where a view asks for spam', () => {
  it('without a spam criterion, spam tickets are left out', () => {
    expect(ticketMatchesFilter(makeTicket({ spam: true }), {})).toBe(false);
  });

  it('spam: true matches only spam tickets', () => {
    expect(ticketMatchesFilter(makeTicket({ spam: true }), { spam: true })).toBe(true);
    expect(ticketMatchesFilter(makeTicket({ spam: false }), { spam: true })).toBe(false);
  });

  it('spam: false matches only non-spam tickets', () => {
    expect(ticketMatchesFilter(makeTicket({ spam: false }), { spam: false })).toBe(true);
    expect(ticketMatchesFilter(makeTicket({ spam: true }), { spam: false })).toBe(false);
  });
});
