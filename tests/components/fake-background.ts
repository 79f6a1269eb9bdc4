import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageError, MessageType, RequestOf, ResponseOf } from '../../core/schemas/messages';

type Answer<T extends MessageType> = (payload: RequestOf<T>) => ResponseOf<T> | Promise<ResponseOf<T>>;
export type Answers = { [T in MessageType]?: Answer<T> };

/** Thrown by an answer to make the background refuse the message with this error. */
export class Refusal extends Error {
  constructor(readonly error: MessageError) {
    super(error.message);
  }
}

/**
 * Stands in for the background service worker: components send real messages through
 * messaging/send, and each type is answered here. Returns the messages received, in order.
 */
export function fakeBackground(answers: Answers): { type: MessageType; payload: unknown }[] {
  const received: { type: MessageType; payload: unknown }[] = [];
  const reply = async (message: { type: MessageType; payload: unknown }) => {
    const answer = answers[message.type] as ((payload: unknown) => unknown) | undefined;
    if (!answer) return { ok: false, error: { code: 'INTERNAL', message: `No fake answer for ${message.type}` } };
    try {
      return { ok: true, data: await answer(message.payload) };
    } catch (error) {
      if (error instanceof Refusal) return { ok: false, error: error.error };
      throw error;
    }
  };
  // Answered the way the real background does: sendResponse later, and `true` to keep the channel open.
  fakeBrowser.runtime.onMessage.addListener((message: { type: MessageType; payload: unknown }, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    received.push(message);
    void reply(message).then(sendResponse);
    return true;
  });
  return received;
}
