import { itemsOf } from '../schemas/api';
import { StoredMail } from '../schemas/mail';
import { resource } from './contract';

/** The demo outbox: replies to tickets the agent can see, and notifications addressed to the agent. */
export const mail = resource('mail', 'mail', {
  stored: { method: 'get', path: '/mail/stored', summary: 'Mail kept unsent because no SMTP server is configured (demo mode)', response: itemsOf(StoredMail) },
});
