import { describe, expect, it } from 'vitest';
import { addCc, ccCount, ccLabel, contactItem, itemsOf, pickable, refsOf, removeCc, typedItem, type CcItem } from '../../../../components/inbox/cc/cc-list';
import type { Contact } from '../../../../core/schemas/contact';

const contact = (id: number, email: string | null, over: Partial<Contact> = {}): Contact => ({
  id,
  email,
  name: `Contact ${id}`,
  account: null,
  deleted: false,
  spam: false,
  anonymous: false,
  createdAt: '2026-11-01T10:00:00Z',
  ...over,
});
const listOf = (count: number): CcItem[] => Array.from({ length: count }, (_, i) => contactItem(contact(i + 1, `cc${i + 1}@mailbox.example`)));

describe('the secondary contacts editor list', () => {
  it('adds a typed address, trimmed, and a picked contact', () => {
    const typed = addCc([], typedItem('  Ann@Mailbox.example '));
    expect(typed).toEqual({ ok: true, list: [{ id: null, email: 'Ann@Mailbox.example', name: '' }] });
    const picked = addCc(typed.ok ? typed.list : [], contactItem(contact(7, 'bob@mailbox.example')));
    expect(picked.ok && picked.list.map((i) => i.id)).toEqual([null, 7]);
  });

  it('refuses what is not an address', () => {
    expect(addCc([], typedItem('not an address'))).toEqual({ ok: false, refusal: 'invalid' });
    expect(addCc([], typedItem(''))).toEqual({ ok: false, refusal: 'invalid' });
  });

  it('refuses an address already listed, in any case, and the same contact twice', () => {
    const list = listOf(2);
    expect(addCc(list, typedItem('CC1@mailbox.EXAMPLE'))).toEqual({ ok: false, refusal: 'duplicate' });
    expect(addCc(list, contactItem(contact(2, 'other@mailbox.example')))).toEqual({ ok: false, refusal: 'duplicate' });
  });

  it('R-CC-2 takes the 20th and refuses a 21st at once', () => {
    const nineteen = addCc(listOf(19), typedItem('twenty@mailbox.example'));
    expect(nineteen.ok && nineteen.list).toHaveLength(20);
    expect(addCc(listOf(20), typedItem('one-more@mailbox.example'))).toEqual({ ok: false, refusal: 'limit' });
    // The server's limit is the one that counts.
    expect(addCc(listOf(3), typedItem('x@mailbox.example'), { limit: 3, ccAddresses: [] })).toEqual({ ok: false, refusal: 'limit' });
  });

  it("R-CC-2 counts the ticket's CC addresses too, an address on both lists once", () => {
    const copied = ['copy1@mailbox.example', 'copy2@mailbox.example'];
    expect(ccCount(listOf(18), copied)).toBe(20);
    expect(ccCount(listOf(18), ['CC1@mailbox.example'])).toBe(18);
    expect(addCc(listOf(18), typedItem('x@mailbox.example'), { limit: 20, ccAddresses: copied })).toEqual({ ok: false, refusal: 'limit' });
    expect(addCc(listOf(18), typedItem('copy1@mailbox.example'), { limit: 20, ccAddresses: copied }).ok).toBe(true);
  });

  it('removes by contact or by address, case-insensitively', () => {
    const list = [...listOf(2), typedItem('typed@mailbox.example')];
    expect(removeCc(list, contactItem(contact(1, 'cc1@mailbox.example'))).map((i) => i.email)).toEqual(['cc2@mailbox.example', 'typed@mailbox.example']);
    expect(removeCc(list, typedItem('TYPED@mailbox.example'))).toHaveLength(2);
  });

  it('R-CC-4 sends contacts by id and typed addresses by address', () => {
    const list = [...itemsOf([{ id: 4, email: 'dan@mailbox.example', name: 'Dan' }]), typedItem('eve@mailbox.example')];
    expect(refsOf(list)).toEqual([{ id: 4 }, { email: 'eve@mailbox.example' }]);
  });

  it('R-CC-3 offers no deleted, spam, anonymous or address-less contact, nor one already listed', () => {
    const found = [
      contact(1, 'cc1@mailbox.example'),
      contact(30, 'fine@mailbox.example'),
      contact(31, 'gone@mailbox.example', { deleted: true }),
      contact(32, 'junk@mailbox.example', { spam: true }),
      contact(33, 'anon@mailbox.example', { anonymous: true }),
      contact(34, null),
    ];
    expect(pickable(found, listOf(1)).map((c) => c.id)).toEqual([30]);
  });

  it('labels a contact by name and address, a typed address by its address', () => {
    expect(ccLabel({ id: 1, email: 'ann@mailbox.example', name: 'Ann Lee' })).toBe('Ann Lee <ann@mailbox.example>');
    expect(ccLabel(typedItem('ann@mailbox.example'))).toBe('ann@mailbox.example');
    expect(ccLabel({ id: 1, email: 'ann@mailbox.example', name: 'ANN@mailbox.example' })).toBe('ann@mailbox.example');
  });
});
