import { IdParams, itemsOf } from '../schemas/api';
import { StoredMail } from '../schemas/mail';
import { MailResent, ResendMail, UndeliveredMail } from '../schemas/mail-delivery';
import { resource } from './contract';

/** Mail kept unsent in demo mode, and the dead-letter list of mail that could not be delivered (issue 21). */
export const mail = resource('mail', 'mail', {
  stored: { method: 'get', path: '/mail/stored', summary: 'Mail kept unsent because no SMTP server is configured (demo mode)', response: itemsOf(StoredMail) },
  undelivered: {
    method: 'get',
    path: '/departments/:id/undelivered-mail',
    summary: "The department's failed and uncertain mail (replies, CC notices, sign-in links, mass-action results), newest first (settings.manage)",
    params: IdParams,
    response: itemsOf(UndeliveredMail),
  },
  resendOutgoing: {
    method: 'post',
    path: '/mail/outgoing/:id/resend',
    summary: 'Queue a failed notice, sign-in link or mass-action result again; an uncertain one only with confirmUncertain (settings.manage)',
    params: IdParams,
    body: ResendMail,
    response: MailResent,
  },
  resendReply: {
    method: 'post',
    path: '/mail/reply-recipients/:id/resend',
    summary: 'Queue one failed reply recipient again (its job runs once more); an uncertain one only with confirmUncertain (settings.manage)',
    params: IdParams,
    body: ResendMail,
    response: MailResent,
  },
});
