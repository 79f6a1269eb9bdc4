import * as contracts from '../../core/contracts';
import type { Api } from '../http/route';
import { listStoredMail } from '../mail/stored-mail-list';

/** The mail a server without SMTP keeps unsent (demo mode), for the agents it concerns. */
export function storedMailRoutes(api: Api) {
  api.add(contracts.mail.stored, async ({ db, auth }) => ({ items: await listStoredMail(db, auth) }));
}
