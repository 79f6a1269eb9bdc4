import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';

describe('SMTP_SOCKET_TIMEOUT_MS', () => {
  it('waits 30 s for an SMTP answer unless told otherwise', () => {
    expect(loadConfig({}).SMTP_SOCKET_TIMEOUT_MS).toBe(30_000);
    expect(loadConfig({ SMTP_SOCKET_TIMEOUT_MS: '500' }).SMTP_SOCKET_TIMEOUT_MS).toBe(500);
  });

  it('a value that is not a number of milliseconds from 100 to 600000 stops start-up, naming the variable', () => {
    expect(() => loadConfig({ SMTP_SOCKET_TIMEOUT_MS: 'soon' })).toThrow(/SMTP_SOCKET_TIMEOUT_MS/);
    expect(() => loadConfig({ SMTP_SOCKET_TIMEOUT_MS: '50' })).toThrow(/SMTP_SOCKET_TIMEOUT_MS/);
  });
});
