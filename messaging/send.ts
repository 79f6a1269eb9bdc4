import { browser } from '#imports';
import { protocol, type MessageError, type MessageType, type Reply, type RequestOf, type ResponseOf } from '../core/schemas/messages';

/** A refusal from the background, carrying the backend's code and rule id when there is one. */
export class MessageFailure extends Error {
  constructor(readonly error: MessageError) {
    super(error.message);
    this.name = 'MessageFailure';
  }
}

/** The one way content scripts, popup and options talk to the background; answers are schema-checked. */
export async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<unknown> | undefined;
  if (!reply) throw new MessageFailure({ code: 'INTERNAL', message: 'The extension did not answer; reload the page (the extension may have been updated).' });
  if (!reply.ok) throw new MessageFailure(reply.error);
  return protocol[type].response.parse(reply.data) as ResponseOf<T>;
}
