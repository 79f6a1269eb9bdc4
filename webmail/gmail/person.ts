import type { Person } from '../adapter';
import { textOf } from '../dom-query';

/** Gmail's people carry their address and full name as attributes; the text may be shortened ("me"). */
export function gmailPerson(element: Element | null): Person {
  return {
    name: element?.getAttribute('name')?.trim() || textOf(element),
    email: element?.getAttribute('email')?.trim() || null,
  };
}
