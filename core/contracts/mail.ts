import { itemsOf } from '../schemas/api';
import { StoredMail } from '../schemas/mail';
import { resource } from './contract';

/** Mail kept unsent in demo mode: replies to tickets the agent can see, and notifications addressed to the agent. */
export const mail = resource('mail', 'mail', {
  stored: { method: 'get', path: '/mail/stored', summary: 'Mail kept unsent because no SMTP server is configured (demo mode)', response: itemsOf(StoredMail) },
});
