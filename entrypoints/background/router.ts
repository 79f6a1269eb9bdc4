import { Envelope, protocol, type MessageError, type MessageType, type Reply, type RequestOf, type ResponseOf } from '../../core/schemas/messages';
import type { Sender } from '../../messaging/listen';
import { ApiCallError } from './api-client';

export type Handlers<T extends MessageType> = {
  [K in T]: (payload: import('zod').output<(typeof protocol)[K]['request']>) => Promise<ResponseOf<K>>;
};

/** Messages that carry or change the API token or a mailbox secret: never from a content script. */
const TRUSTED_ONLY = new Set<MessageType>([
  'connection.test',
  'connection.save',
  'outbox.retry',
  // Mailbox settings carry secrets and decide where they are sent: the options page only.
  'mailboxes.list',
  'mailboxes.create',
  'mailboxes.update',
  'mailboxes.remove',
  'mailboxes.test',
  'mailboxes.recent',
  'ingestSettings.get',
  'ingestSettings.set',
  // The admin console: roles, agents, API tokens and department settings.
  'admin.call',
  'preferences.set',
  // Team-wide figures are for the popup, not for a webmail page.
  'dashboard.get',
]);

const failure = (error: MessageError): Reply<never> => ({ ok: false, error });

function toMessageError(error: unknown): MessageError {
  if (error instanceof ApiCallError) return error.error;
  return { code: 'INTERNAL', message: (error as Error)?.message ?? String(error) };
}

/** Validates a message against the protocol, runs its handler, and always answers with a Reply. */
export async function route(handlers: Handlers<MessageType>, message: unknown, sender: Sender): Promise<Reply<unknown>> {
  const envelope = Envelope.safeParse(message);
  if (!envelope.success || !(envelope.data.type in protocol)) {
    return failure({ code: 'VALIDATION', message: `Unknown message: ${JSON.stringify(message)?.slice(0, 100)}` });
  }
  const type = envelope.data.type as MessageType;
  if (TRUSTED_ONLY.has(type) && !sender.trusted) {
    return failure({ code: 'FORBIDDEN', message: `${type} may only be sent from the extension's own pages.` });
  }
  const request = protocol[type].request.safeParse(envelope.data.payload ?? {});
  if (!request.success) {
    const issues = request.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return failure({ code: 'VALIDATION', message: `Invalid ${type}: ${issues.map((i) => `${i.path || '(payload)'}: ${i.message}`).join('; ')}`, details: { issues } });
  }
  try {
    const handler = handlers[type] as (payload: RequestOf<MessageType>) => Promise<unknown>;
    return { ok: true, data: await handler(request.data as RequestOf<MessageType>) };
  } catch (error) {
    return failure(toMessageError(error));
  }
}
