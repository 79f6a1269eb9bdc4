import { describe, expect, it } from 'vitest';
import { contactLabel, describeValue, differingFields, type ValueNames } from '../../../../components/inbox/merge/merge-values';
import type { MergeFieldOption } from '../../../../core/schemas/merge';

const names: ValueNames = {
  contact: (id) => ({ 5: 'Mia Merge <mia@mailbox.example>', 6: 'bob@buyer.test' })[id] ?? null,
  agent: (id) => (id === 3 ? 'Alice Agent' : null),
  team: (id) => (id === 4 ? 'Tier 2' : null),
  status: (s) => `status:${s}`,
  priority: (p) => `priority:${p}`,
};

describe('field values in the merge preview (R-MERGE-4)', () => {
  it('names people and teams instead of ids, and falls back to the id when unknown', () => {
    expect(describeValue('contactId', 5, names)).toBe('Mia Merge <mia@mailbox.example>');
    expect(describeValue('assigneeAgentId', 3, names)).toBe('Alice Agent');
    expect(describeValue('assigneeTeamId', 4, names)).toBe('Tier 2');
    expect(describeValue('assigneeAgentId', 8, names)).toBe('#8');
  });

  it('R-CC-9 lists secondary contacts by name like any other field', () => {
    expect(describeValue('secondaryContactIds', [5, 6, 9], names)).toBe('Mia Merge <mia@mailbox.example>, bob@buyer.test, #9');
  });

  it('labels codes, joins lists and custom fields, and answers null for empty values', () => {
    expect(describeValue('priority', 'high', names)).toBe('priority:high');
    expect(describeValue('status', 'on_hold', names)).toBe('status:on_hold');
    expect(describeValue('tags', ['vip', 'refund'], names)).toBe('vip, refund');
    expect(describeValue('customFields', { order: 'A-1', gift: true }, names)).toBe('order: A-1; gift: true');
    for (const empty of [null, '', [], {}]) expect(describeValue('account', empty, names)).toBeNull();
  });

  it('shows a contact by name and address, or whichever of the two it has', () => {
    expect(contactLabel({ name: 'Mia', email: 'mia@mailbox.example' })).toBe('Mia <mia@mailbox.example>');
    expect(contactLabel({ name: '', email: 'mia@mailbox.example' })).toBe('mia@mailbox.example');
    expect(contactLabel({ name: 'Anonymous', email: null })).toBe('Anonymous');
  });

  it('offers a choice only for fields the tickets disagree on', () => {
    const option = (field: string, ...values: unknown[]): MergeFieldOption => ({
      field,
      candidates: values.map((value, i) => ({ ticketId: i + 1, value, empty: value === null })),
      defaultTicketId: 1,
    });
    const fields = [
      option('subject', 'a', 'b'),
      option('priority', 'low', 'low'),
      option('tags', ['x'], ['x']),
      option('account', null, 'Acme'),
      option('customFields', { a: 1 }, { a: 2 }),
    ];
    expect(differingFields(fields).map((f) => f.field)).toEqual(['subject', 'account', 'customFields']);
  });
});
