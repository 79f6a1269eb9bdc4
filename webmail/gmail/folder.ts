import type { MailFolder } from '../../core/rules/folder-view';

/**
 * Gmail names the folder in the URL's fragment: `#inbox`, `#spam`, `#trash`, with a conversation
 * after a slash (`#spam/FMfcg…`) and `#label/…`, `#search/…`, `#category/…` for everything else
 * (gmail.js `get.current_page`, InboxSDK's route ids). No fragment is the inbox.
 */
export function gmailFolder(hash: string): MailFolder {
  const first = decodeURIComponent(hash.replace(/^#/, '')).split(/[/?]/)[0]!.toLowerCase();
  if (first === '' || first === 'inbox') return 'inbox';
  if (first === 'spam') return 'spam';
  if (first === 'trash') return 'trash';
  return 'other';
}
