import { describe, expect, it } from 'vitest';
import { bounceAddress, outcomeOf } from '../../../server/mail/smtp-mailer';

const error = (fields: Record<string, unknown>) => Object.assign(new Error('boom'), fields);
const beforeData = { dataWritten: false };
const afterData = { dataWritten: true };

describe('what an SMTP error means for a recipient', () => {
  it("a 5xx is a refusal for good, a 4xx is worth a retry, whatever the stage: the server's answer is the outcome", () => {
    expect(outcomeOf(error({ responseCode: 550, response: '550 no such user', command: 'RCPT TO' }), beforeData)).toEqual({ status: 'failed', response: '550 no such user' });
    expect(outcomeOf(error({ responseCode: 554, response: '554 rejected', command: 'DATA' }), afterData).status).toBe('failed');
    expect(outcomeOf(error({ responseCode: 451, response: '451 try later', command: 'DATA' }), afterData).status).toBe('retry');
  });

  it('a broken connection or a timeout before any message data is a retry, whatever command nodemailer names', () => {
    expect(outcomeOf(error({ code: 'ECONNECTION', command: 'CONN' }), beforeData).status).toBe('retry');
    expect(outcomeOf(error({ code: 'ETIMEDOUT', command: 'CONN' }), beforeData).status).toBe('retry');
    expect(outcomeOf(error({ code: 'ESOCKET', command: 'MAIL FROM' }), beforeData).status).toBe('retry');
    expect(outcomeOf(error({ code: 'EENVELOPE', command: 'API' }), afterData).status).toBe('retry');
  });

  it('issue 21: the same CONN errors after the message data was written are uncertain, never resent', () => {
    expect(outcomeOf(error({ code: 'ECONNECTION', command: 'CONN' }), afterData).status).toBe('uncertain');
    expect(outcomeOf(error({ code: 'ETIMEDOUT', command: 'CONN' }), afterData)).toEqual({
      status: 'uncertain',
      response: 'No answer after the message data was sent, so it may have arrived: boom',
    });
  });

  it('VERP puts the token before the domain', () => {
    expect(bounceAddress('noreply@acme.example', 'abc')).toBe('noreply+abc@acme.example');
  });
});
