import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { contacts, departments } from '../db/schema';
import { recordNotice } from '../mail/notice-queue';

/** What happened to a ticket that its secondary contacts hear about (R-CC-5). */
export type CcEvent = { kind: 'created' } | { kind: 'added' } | { kind: 'comment_added'; body: string } | { kind: 'comment_edited'; body: string } | { kind: 'comment_deleted' };

interface NoticeTicket {
  id: number;
  number: number;
  subject: string;
  departmentId: number;
  secondaryContactIds: number[];
}

const HEADLINES: Record<CcEvent['kind'], { en: string; ja: string }> = {
  created: { en: 'A ticket you follow was opened.', ja: 'あなたがフォローしている問い合わせが作成されました。' },
  added: { en: 'You now follow this ticket as a secondary contact (CC).', ja: 'サブの連絡先(CC)としてこの問い合わせに追加されました。' },
  comment_added: { en: 'A comment was added to a ticket you follow.', ja: 'フォローしている問い合わせにコメントが追加されました。' },
  comment_edited: { en: 'A comment on a ticket you follow was edited.', ja: 'フォローしている問い合わせのコメントが編集されました。' },
  comment_deleted: { en: 'A comment on a ticket you follow was deleted.', ja: 'フォローしている問い合わせのコメントが削除されました。' },
};

/** The addresses of the ticket's secondary contacts that may hear from it (never deleted or spam ones, R-CC-3). */
async function followerAddresses(tx: Db, contactIds: number[]): Promise<string[]> {
  if (contactIds.length === 0) return [];
  const rows = await tx
    .select({ email: contacts.email })
    .from(contacts)
    .where(and(inArray(contacts.id, contactIds), eq(contacts.deleted, false), eq(contacts.spam, false), eq(contacts.anonymous, false)));
  return rows.map((r) => r.email).filter((e): e is string => !!e);
}

function bodyOf(ticket: NoticeTicket, event: CcEvent): string {
  const { en, ja } = HEADLINES[event.kind];
  const quoted = 'body' in event ? `\n\n${event.body.replace(/^/gm, '> ')}` : '';
  return `${en}\n${ja}\n\n#${ticket.number} ${ticket.subject}${quoted}`;
}

/**
 * R-CC-5: one message per event to each secondary contact, recorded in the caller's transaction
 * (the notice queue sends it once the change commits and adds the help-center link). Only while the
 * department has CC on (R-CC-1); `only` narrows it to some contacts (those just added).
 */
export async function noticeFollowers(tx: Db, ticket: NoticeTicket, event: CcEvent, only?: number[]): Promise<void> {
  const ids = only ?? ticket.secondaryContactIds;
  if (ids.length === 0) return;
  const [department] = await tx.select({ features: departments.features }).from(departments).where(eq(departments.id, ticket.departmentId));
  if (!department?.features.cc) return;
  await recordNotice(tx, {
    kind: 'cc_notice',
    to: await followerAddresses(tx, ids),
    subject: `[#${ticket.number}] ${ticket.subject}`,
    bodyText: bodyOf(ticket, event),
    departmentId: ticket.departmentId,
    ticketId: ticket.id,
  });
}
