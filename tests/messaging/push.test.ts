import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onPush, pushToTabs } from '../../messaging/push';

describe('pushes from the background to the webmail tabs', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('sends the push to every tab, and a tab without our content script does not fail it', async () => {
    const gmail = await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/' });
    const other = await fakeBrowser.tabs.create({ url: 'https://example.test/' });
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number) => {
      if (tabId === other.id) throw new Error('Could not establish connection. Receiving end does not exist.');
      return undefined;
    });
    const tabIds = (await fakeBrowser.tabs.query({})).map((tab) => tab.id);
    expect(tabIds).toEqual(expect.arrayContaining([gmail.id, other.id]));
    await expect(pushToTabs('index.changed', {})).resolves.toBeUndefined();
    expect(sendMessage.mock.calls.map(([tabId, message]) => [tabId, message])).toEqual(tabIds.map((id) => [id, { type: 'index.changed', payload: {} }]));
  });

  it('calls back on its own type with a valid payload, until the signal aborts', async () => {
    const controller = new AbortController();
    const received = vi.fn();
    onPush('index.changed', received, controller.signal);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'index.changed', payload: {} }, {}, () => undefined);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'tickets.get', payload: { id: 1 } }, {}, () => undefined);
    expect(received).toHaveBeenCalledTimes(1);
    expect(received).toHaveBeenCalledWith({});

    controller.abort();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'index.changed', payload: {} }, {}, () => undefined);
    expect(received).toHaveBeenCalledTimes(1);
  });

  it('says so instead of calling back when a push fails its schema', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const received = vi.fn();
    onPush('index.changed', received, new AbortController().signal);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'index.changed', payload: { unexpected: true } }, {}, () => undefined);
    expect(received).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('Inbox Desk: ignored an invalid push', 'index.changed', expect.any(Array));
  });
});
