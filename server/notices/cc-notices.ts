import { and, eq, inArray } from 'drizzle-orm';
import { addressKey } from '../../core/rules/address';
import type { Db } from '../db/client';
import { contacts, departments } from '../db/schema';
import { recordNotice } from '../mail/notice-queue';

/** What happened to a ticket that its secondary contacts hear about (R-CC-5). */
export type CcEvent =
  | { kind: 'created' }
  | { kind: 'added' }
  /** `by`: the signed-in customer's address, the one thing about them the help center has checked. */
  | { kind: 'added_by_customer'; by: string }
  | { kind: 'comment_added'; body: string }
  | { kind: 'comment_edited'; body: string }
  | { kind: 'comment_deleted' };

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
  added_by_customer: { en: 'You now follow this ticket as a secondary contact (CC).', ja: 'サブの連絡先(CC)としてこの問い合わせに追加されました。' },
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

interface NoticeDepartment {
  name: string;
  supportAddresses: string[];
}

/**
 * A customer chose who gets this one, so nothing they typed (the ticket's subject) is repeated to
 * that stranger: the help desk must not relay an outsider's text from the support address (issue 21).
 */
function customerAddedNotice(ticket: NoticeTicket, department: NoticeDepartment, by: string) {
  const { en, ja } = HEADLINES.added_by_customer;
  const contact = department.supportAddresses[0] ? ` If you do not know them, write to ${department.supportAddresses[0]}.` : '';
  return {
    subject: `[#${ticket.number}] ${department.name}: you were added as a secondary contact (CC)`,
    bodyText:
      `${en}\n${ja}\n\n${by} added you to ticket #${ticket.number} in the help center of ${department.name}; you will receive its replies.${contact}\n` +
      `${by} があなたを ${department.name} のヘルプセンターで問い合わせ #${ticket.number} に追加しました。`,
  };
}

function noticeOf(ticket: NoticeTicket, department: NoticeDepartment, event: CcEvent): { subject: string; bodyText: string } {
  if (event.kind === 'added_by_customer') return customerAddedNotice(ticket, department, event.by);
  const { en, ja } = HEADLINES[event.kind];
  const quoted = 'body' in event ? `\n\n${event.body.replace(/^/gm, '> ')}` : '';
  return { subject: `[#${ticket.number}] ${ticket.subject}`, bodyText: `${en}\n${ja}\n\n#${ticket.number} ${ticket.subject}${quoted}` };
}

/**
 * R-CC-5: one message per event to each secondary contact, recorded in the caller's transaction
 * (the notice queue sends it once the change commits and adds the help-center link). Only while the
 * department has CC on (R-CC-1); `only` narrows it to some contacts (those just added), and
 * `ccAddresses` adds CC addresses without a contact (those just added, already checked by R-CC-3).
 */
export async function noticeFollowers(tx: Db, ticket: NoticeTicket, event: CcEvent, only?: number[], ccAddresses: string[] = []): Promise<void> {
  const ids = only ?? ticket.secondaryContactIds;
  if (ids.length === 0 && ccAddresses.length === 0) return;
  const [department] = await tx
    .select({ features: departments.features, name: departments.name, supportAddresses: departments.supportAddresses })
    .from(departments)
    .where(eq(departments.id, ticket.departmentId));
  if (!department?.features.cc) return;
  await recordNotice(tx, {
    kind: 'cc_notice',
    to: [...(await followerAddresses(tx, ids)), ...ccAddresses],
    ...noticeOf(ticket, department, event),
    departmentId: ticket.departmentId,
    ticketId: ticket.id,
  });
}

type Followed = NoticeTicket & { ccAddresses: string[]; spam: boolean };

/**
 * R-CC-5 for a write that replaced the ticket's lists (PATCH /tickets/:id, merge): those on `after`
 * but not on `before` hear they were added. A spam ticket writes to nobody (R-BULK-12).
 */
export async function noticeNewFollowers(tx: Db, before: Pick<Followed, 'secondaryContactIds' | 'ccAddresses'>, after: Followed): Promise<void> {
  if (after.spam) return;
  const ids = after.secondaryContactIds.filter((id) => !before.secondaryContactIds.includes(id));
  const known = new Set(before.ccAddresses.map(addressKey));
  const addresses = after.ccAddresses.filter((a) => !known.has(addressKey(a)));
  await noticeFollowers(tx, after, { kind: 'added' }, ids, addresses);
}
