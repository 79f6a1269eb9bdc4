import { describe, expect, it } from 'vitest';
import { bounceAddress, outcomeOf } from '../../../server/mail/smtp-mailer';

const error = (fields: Record<string, unknown>) => Object.assign(new Error('boom'), fields);

describe('what an SMTP error means for a recipient', () => {
  it('a 5xx is a refusal for good, a 4xx is worth a retry', () => {
    expect(outcomeOf(error({ responseCode: 550, response: '550 no such user', command: 'RCPT TO' }))).toEqual({ status: 'failed', response: '550 no such user' });
    expect(outcomeOf(error({ responseCode: 451, response: '451 try later', command: 'DATA' })).status).toBe('retry');
  });

  it('a failure before the message data is a retry; a broken connection after it is uncertain, never resent', () => {
    expect(outcomeOf(error({ code: 'ECONNECTION' })).status).toBe('retry');
    expect(outcomeOf(error({ code: 'ETIMEDOUT', command: 'CONN' })).status).toBe('retry');
    expect(outcomeOf(error({ code: 'ESOCKET', command: 'MAIL FROM' })).status).toBe('retry');
    expect(outcomeOf(error({ code: 'ETIMEDOUT', command: 'DATA' })).status).toBe('uncertain');
    expect(outcomeOf(error({ code: 'ESOCKET' })).status).toBe('uncertain');
  });

  it('VERP puts the token before the domain', () => {
    expect(bounceAddress('noreply@acme.example', 'abc')).toBe('noreply+abc@acme.example');
  });
});
