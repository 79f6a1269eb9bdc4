import { describe, expect, it } from 'vitest';
import { readManagedConfig, withManagedUrl, type ManagedArea } from '../../../entrypoints/background/managed-config';

/** chrome.storage.managed as a policy fills it: read-only, whatever the administrator typed. */
const policy = (values: Record<string, unknown>): ManagedArea => ({ get: async () => values });
const typed = { backendUrl: 'http://127.0.0.1:8787', token: 'idk_agent-token-000' };

describe('backend URL set by an administrator (managed storage)', () => {
  it('the policy URL replaces the one typed on the options page, normalised like a typed one', async () => {
    const managed = await readManagedConfig(policy({ backendUrl: 'https://helpdesk.example.com/api/v1/', tokenHint: ' Ask IT (ext. 1234) ' }));
    expect(managed).toEqual({ backendUrl: 'https://helpdesk.example.com', tokenHint: 'Ask IT (ext. 1234)' });
    expect(withManagedUrl(typed, managed)).toEqual({ backendUrl: 'https://helpdesk.example.com', token: typed.token });
  });

  it('without a policy, or a browser without managed storage, the typed URL stays', async () => {
    for (const area of [policy({}), undefined, { get: () => Promise.reject(new Error('Managed storage is not available')) }]) {
      const managed = await readManagedConfig(area);
      expect(managed).toEqual({});
      expect(withManagedUrl(typed, managed)).toBe(typed);
    }
  });

  it('a value that is no http(s) URL is dropped, so agents can still type one, and the hint survives', async () => {
    const managed = await readManagedConfig(policy({ backendUrl: 'helpdesk', tokenHint: 'Ask IT' }));
    expect(managed).toEqual({ tokenHint: 'Ask IT' });
    expect((await readManagedConfig(policy({ backendUrl: 'ftp://files.example.com' }))).backendUrl).toBeUndefined();
  });
});
