import { helpCenterUrl } from '../help-center/urls';

const LINE = 'Follow this ticket in the help center / ヘルプセンターで問い合わせを確認できます:';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface FooterTicket {
  ticketId: number;
  departmentId: number;
  /** Only a department with its help center on has a page to link to. */
  helpCenter: boolean;
}

/**
 * The customer's and secondary contacts' way to the ticket's help-center page (R-CC-5, R-CC-8),
 * added to every reply and notice the ticket sends while the help center is on.
 */
export function withHelpCenterLink(text: string, html: string | null, ticket: FooterTicket, publicUrl: string | undefined): { text: string; html: string | null } {
  if (!ticket.helpCenter || !publicUrl) return { text, html };
  const url = helpCenterUrl(publicUrl, ticket.departmentId, ticket.ticketId);
  return {
    text: `${text}\n\n${LINE}\n${url}\n`,
    html: html === null ? null : `${html}<p style="font-size:12px;color:#555">${escapeHtml(LINE)}<br><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
  };
}
