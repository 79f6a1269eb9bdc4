import { describe, expect, it } from 'vitest';
import { secretNeeded } from '../../../core/rules/mailbox-secret';

const saved = { host: 'imap.gmail.com', port: 993, secure: true };

describe('a saved mailbox secret stays with its server', () => {
  it('is kept for edits that do not move it: the same host in other case, user, folder, TLS turned on', () => {
    expect(secretNeeded(saved, {})).toBe(false);
    expect(secretNeeded(saved, { host: 'IMAP.gmail.com', port: 993, secure: true })).toBe(false);
    expect(secretNeeded({ ...saved, secure: false, port: 143 }, { secure: true })).toBe(false);
  });

  it('must be given again for another host or port, or with TLS turned off', () => {
    expect(secretNeeded(saved, { host: 'imap.example.test' })).toBe(true);
    expect(secretNeeded(saved, { port: 143 })).toBe(true);
    expect(secretNeeded(saved, { secure: false })).toBe(true);
  });

  it('is not needed when a new one comes with the change', () => {
    expect(secretNeeded(saved, { host: 'imap.example.test', secret: 'new' })).toBe(false);
    expect(secretNeeded(saved, { host: 'imap.example.test', secret: '' })).toBe(true);
  });
});
