import { browser } from '#imports';
import type { MessageType, Reply, RequestOf } from '../core/schemas/messages';

/**
 * The bare round trip to the background, before any check: undefined when nothing answered. It loads
 * no schema, so a page that must paint early (the popup) can use it alone; send() makes the same
 * round trip and checks the answer with the protocol's schemas.
 */
export async function post<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Reply<unknown> | undefined> {
  return (await browser.runtime.sendMessage({ type, payload })) as Reply<unknown> | undefined;
}
