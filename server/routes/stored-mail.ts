import { z } from 'zod';
import { StoredMail } from '../../core/schemas/mail';
import type { Api } from '../http/route';
import { listStoredMail } from '../mail/stored-mail-list';

/** The mail a server without SMTP keeps unsent (demo mode), for the agents it concerns. */
export function storedMailRoutes(api: Api) {
  api.add(
    { method: 'get', path: '/mail/stored', tag: 'mail', summary: 'Mail kept unsent because no SMTP server is configured (demo mode)', response: z.object({ items: z.array(StoredMail) }) },
    async ({ db, auth }) => ({ items: await listStoredMail(db, auth) }),
  );
}
