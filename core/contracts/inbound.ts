import { DsnApplied, DsnReport } from '../schemas/mail';
import { resource } from './contract';

/**
 * What the mail server hands us: bounces of the replies we sent. Tagged with the jobs, since a
 * bounce changes a bulk reply's recipients and the OpenAPI document has always listed it there.
 */
export const inbound = resource('inbound', 'jobs', {
  dsn: {
    method: 'post',
    path: '/inbound/dsn',
    summary: 'A bounce (RFC 3464 delivery-status message, raw, as `message`): marks the recipient it names bounced, with the diagnostic',
    body: DsnReport,
    response: DsnApplied,
  },
});
