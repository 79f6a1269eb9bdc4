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
    summary:
      'A bounce (RFC 3464 delivery-status message, raw, as `message`): marks the recipient its token names bounced, with the diagnostic, when the report is about that very address. Authenticated by the inbound secret (INBOUND_DSN_SECRET) as the bearer token, or an agent token with settings.manage in the ticket’s department',
    inboundSecret: true,
    body: DsnReport,
    response: DsnApplied,
  },
});
