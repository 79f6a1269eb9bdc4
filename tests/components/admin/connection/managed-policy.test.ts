import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectionItem } from '../../../../entrypoints/background/connection-store';
import { connectionHandlers } from '../../../../entrypoints/background/handlers/connection';

const status = () => connectionHandlers['connection.status']({});

/** The background's side of the options page: what it reports when policy (chrome.storage.managed) sets the backend. */
describe('connection status under an administrator policy', () => {
  it('reports the managed URL, and the token hint, over one the agent saved before the policy came', async () => {
    await connectionItem.setValue({ backendUrl: 'http://127.0.0.1:8787', token: 'idk_agent-token-000' });
    await fakeBrowser.storage.managed.set({ backendUrl: 'https://helpdesk.corp.example/', tokenHint: 'Ask IT for your token.' });
    expect(await status()).toMatchObject({
      configured: true,
      backendUrl: 'https://helpdesk.corp.example',
      managed: { backendUrl: 'https://helpdesk.corp.example', tokenHint: 'Ask IT for your token.' },
    });
  });

  it('without a policy there is nothing managed and the saved URL stands', async () => {
    await connectionItem.setValue({ backendUrl: 'http://127.0.0.1:8787', token: 'idk_agent-token-000' });
    const current = await status();
    expect(current.backendUrl).toBe('http://127.0.0.1:8787');
    expect(current.managed).toBeUndefined();
  });
});
