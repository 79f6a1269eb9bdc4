import { browser } from '#imports';
import { Envelope, pushes, type PushOf, type PushType } from '../core/schemas/messages';

/** The background's one way to push to every tab; tabs without our content script just refuse. */
export async function pushToTabs<T extends PushType>(type: T, payload: PushOf<T>): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, { type, payload }).catch(() => undefined))));
}

/**
 * Calls back on each push of this type whose payload passes its schema, until the signal aborts.
 * Answers nothing: a push expects no reply, and leaving the reply to other listeners keeps the
 * background's requests to this tab unaffected.
 */
export function onPush<T extends PushType>(type: T, callback: (payload: PushOf<T>) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const listener = (message: unknown) => {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success || envelope.data.type !== type) return;
    const payload = pushes[type].safeParse(envelope.data.payload ?? {});
    if (payload.success) callback(payload.data as PushOf<T>);
    else console.warn('Inbox Desk: ignored an invalid push', type, payload.error.issues);
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
