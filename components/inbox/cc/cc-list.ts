import { addressKey } from '../../../core/rules/address';
import { MAX_SECONDARY_CONTACTS } from '../../../core/rules/cc-rules';
import { Email } from '../../../core/schemas/common';
import type { Contact } from '../../../core/schemas/contact';
import type { SecondaryContactEntry, SecondaryContactRef } from '../../../core/schemas/secondary-contacts';

/** One secondary contact in the editor: a contact (id), or an address typed here that becomes one on save (R-CC-4). */
export interface CcItem {
  id: number | null;
  email: string | null;
  name: string;
}

/** Why the editor refuses an addition before asking the server; the component words it. */
export type CcRefusal = 'invalid' | 'duplicate' | 'limit';
export type CcAddResult = { ok: true; list: CcItem[] } | { ok: false; refusal: CcRefusal };

export const itemsOf = (entries: SecondaryContactEntry[]): CcItem[] => entries.map(({ id, email, name }) => ({ id, email, name }));
export const typedItem = (address: string): CcItem => ({ id: null, email: address.trim(), name: '' });
export const contactItem = (contact: Pick<Contact, 'id' | 'email' | 'name'>): CcItem => ({ id: contact.id, email: contact.email, name: contact.name });

/** The same contact, or the same address in any spelling of its case. */
function sameItem(a: CcItem, b: CcItem): boolean {
  if (a.id !== null && a.id === b.id) return true;
  return a.email !== null && b.email !== null && addressKey(a.email) === addressKey(b.email);
}

/** The ticket's CC addresses that no contact has: they count against the limit as well (R-CC-2). */
export interface CcLimit {
  limit: number;
  ccAddresses: readonly string[];
}

/** How many of the limit a list uses: every contact and CC address, an address copied twice once. */
export function ccCount(list: CcItem[], ccAddresses: readonly string[] = []): number {
  const contactKeys = list.map((item) => (item.email === null ? `#${item.id}` : addressKey(item.email)));
  return new Set([...contactKeys, ...ccAddresses.map(addressKey)]).size;
}

/** R-CC-2: a 21st is refused here at once; the server checks again and stays the authority. */
export function addCc(list: CcItem[], candidate: CcItem, { limit, ccAddresses }: CcLimit = { limit: MAX_SECONDARY_CONTACTS, ccAddresses: [] }): CcAddResult {
  if (candidate.id === null && !Email.safeParse(candidate.email ?? '').success) return { ok: false, refusal: 'invalid' };
  if (list.some((item) => sameItem(item, candidate))) return { ok: false, refusal: 'duplicate' };
  const next = [...list, candidate];
  if (ccCount(next, ccAddresses) > limit) return { ok: false, refusal: 'limit' };
  return { ok: true, list: next };
}

export const removeCc = (list: CcItem[], item: CcItem): CcItem[] => list.filter((other) => !sameItem(other, item));

/** The PUT body's list: contacts by id, typed addresses by address (R-CC-4). */
export const refsOf = (list: CcItem[]): SecondaryContactRef[] => list.map((item) => (item.id !== null ? { id: item.id } : { email: item.email! }));

/**
 * Search matches worth offering: not on the list already, and none R-CC-3 always refuses (deleted,
 * spam and anonymous contacts) or that has no address to copy.
 */
export function pickable(found: Contact[], list: CcItem[]): Contact[] {
  return found.filter((c) => c.email !== null && !c.deleted && !c.spam && !c.anonymous && !list.some((item) => sameItem(item, contactItem(c))));
}

/** "Name <address>", or the address alone when the name adds nothing. */
export function ccLabel(item: CcItem): string {
  const email = item.email ?? '';
  const name = item.name.trim();
  return name === '' || addressKey(name) === addressKey(email) ? email : `${name} <${email}>`;
}
