import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { requireQueue, type JobQueue } from '../jobs/queue';
import { resendOutgoing, resendReplyRecipient } from '../mail/mail-resend';
import { listStoredMail } from '../mail/stored-mail-list';
import { listUndeliveredMail } from '../mail/undelivered-mail';

/** The mail a server without SMTP keeps unsent (demo mode), for the agents it concerns; and the admins' dead-letter list with Resend. */
export function storedMailRoutes(api: Api, queue: JobQueue | undefined) {
  api.add(contracts.mail.stored, async ({ db, auth }) => ({ items: await listStoredMail(db, auth) }));
  api.add(contracts.mail.undelivered, async ({ db, auth, params }) => ({ items: await listUndeliveredMail(db, auth, params.id) }));
  api.add(contracts.mail.resendOutgoing, ({ db, auth, params, body }) => resendOutgoing(db, auth, params.id, body));
  api.add(contracts.mail.resendReply, ({ db, auth, params, body }) => resendReplyRecipient(db, requireQueue(queue), auth, params.id, body));
}
