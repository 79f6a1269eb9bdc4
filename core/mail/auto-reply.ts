import { firstField, hasField, type HeaderFields } from './header-fields';

/**
 * Subjects that out-of-office and vacation responders put first. Anchored at the start and followed
 * by a colon or nothing, so a customer asking "Out of office hours support?" still gets a ticket.
 */
const AUTO_SUBJECT =
  /^\s*(automatic reply|auto[- ]?reply|autoreply|auto[- ]?response|out of (the )?office( reply| autoreply)?|自動応答|自動返信|不在(通知|のお知らせ)?)\s*([:：]|$)/i;

/** Wording that hints at a responder anywhere in the subject: only trusted together with Outlook's marker. */
const AUTO_HINT = /automatic reply|auto[- ]?reply|autoreply|out of (the )?office|vacation|absence|自動応答|自動返信|不在/i;

/** RFC 3834: any Auto-Submitted value but "no" (parameters after ';' ignored). */
function autoSubmitted(headers: HeaderFields): boolean {
  const value = firstField(headers, 'auto-submitted').split(';')[0]!.trim().toLowerCase();
  return value !== '' && value !== 'no';
}

/** Exchange sets All/OOF on its own automatic messages, but on some ordinary mail too, hence the subject hint. */
function outlookAutomatic(headers: HeaderFields, subject: string): boolean {
  const values = firstField(headers, 'x-auto-response-suppress')
    .toLowerCase()
    .split(/[\s,]+/);
  return (values.includes('all') || values.includes('oof')) && AUTO_HINT.test(subject);
}

/**
 * A message sent by a machine on someone's behalf (vacation notice, autoresponder). Such mail
 * never becomes a ticket and is never answered, so two autoresponders cannot loop through us.
 */
export function isAutoReply(headers: HeaderFields, subject: string): boolean {
  if (autoSubmitted(headers)) return true;
  if (hasField(headers, 'x-autoreply') || hasField(headers, 'x-autorespond')) return true;
  if (firstField(headers, 'precedence').toLowerCase() === 'auto_reply') return true;
  return AUTO_SUBJECT.test(subject) || outlookAutomatic(headers, subject);
}
