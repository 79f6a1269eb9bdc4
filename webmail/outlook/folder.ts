import type { MailFolder } from '../../core/rules/folder-view';

/**
 * Outlook on the web names the well-known folder in the path: `/mail/inbox`, `/mail/junkemail`,
 * `/mail/deleteditems`, after an account index on outlook.live.com (`/mail/0/junkemail`) and before a
 * conversation (`/mail/junkemail/id/AAQk…`). `/mail/` alone is the inbox.
 */
export function outlookFolder(pathname: string): MailFolder {
  const parts = pathname.toLowerCase().split('/').filter(Boolean);
  const at = parts.indexOf('mail');
  if (at === -1) return 'other';
  const rest = parts.slice(at + 1);
  const folder = /^\d+$/.test(rest[0] ?? '') ? rest[1] : rest[0];
  if (folder === undefined || folder === 'inbox' || folder === 'id') return 'inbox';
  if (folder === 'junkemail') return 'spam';
  if (folder === 'deleteditems') return 'trash';
  return 'other';
}
