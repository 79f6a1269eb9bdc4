import { addressKey } from '../../core/rules/address';
import { addressIn, normaliseSpace, queryAll, queryFirst, textOf } from '../dom-query';
import { ACCOUNT_BUTTON, ACCOUNT_MANAGER_ADDRESS, FOLDER_ROOT } from './selectors';

/** An address the agent gave for an account whose page does not show it (issue 19, item 10). */
export type RememberedAddress = (account: string) => string | null;

/**
 * The signed-in mailbox, lower-cased (it is part of a ticket's thread key, which must not split on
 * letter case). Read where Outlook shows it: the account manager button's label, the account
 * manager's address line, the folder pane's account root; then what the agent told us for this
 * account; the title last, since it usually carries the display name only.
 */
export function outlookMailbox(doc: Document, remembered: RememberedAddress): string | null {
  const found =
    addressIn(queryFirst(doc, ACCOUNT_BUTTON)?.getAttribute('aria-label')) ??
    addressIn(textOf(queryFirst(doc, ACCOUNT_MANAGER_ADDRESS)) || queryFirst(doc, ACCOUNT_MANAGER_ADDRESS)?.getAttribute('title')) ??
    folderRootAddress(doc) ??
    remembered(outlookAccount(doc)) ??
    addressIn(doc.title);
  return found ? addressKey(found) : null;
}

function folderRootAddress(doc: Document): string | null {
  for (const root of queryAll(doc, FOLDER_ROOT)) {
    const address = addressIn(root.getAttribute('title')) ?? addressIn(root.getAttribute('aria-label')) ?? addressIn(textOf(root));
    if (address) return address;
  }
  return null;
}

/**
 * Which account this page is, as far as the page tells without an address: its display name (the
 * account button's "Account manager for <name>", else the title's "Mail - <name> - Outlook"). One
 * account signs in on every Outlook host, so the host is not part of it.
 */
export function outlookAccount(doc: Document): string {
  const label = normaliseSpace(queryFirst(doc, ACCOUNT_BUTTON)?.getAttribute('aria-label') ?? '');
  const fromButton = /^Account manager for (.+)$/i.exec(label)?.[1];
  const fromTitle = /^[^-]+ - (.+) - Outlook$/.exec(normaliseSpace(doc.title))?.[1];
  const name = (fromButton ?? fromTitle ?? '').replace(addressIn(fromButton) ?? '', '').trim();
  return `outlook:${name}`;
}
