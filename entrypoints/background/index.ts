import { browser, defineBackground } from '#imports';
import { adminHandlers } from './handlers/admin';
import { attachmentHandlers } from './handlers/attachments';
import { blueprintHandlers } from './handlers/blueprints';
import { ccHandlers } from './handlers/cc';
import { connectionHandlers } from './handlers/connection';
import { customFieldHandlers } from './handlers/custom-fields';
import { dashboardHandlers } from './handlers/dashboard';
import { housekeepingHandlers } from './handlers/housekeeping';
import { jobHandlers } from './handlers/jobs';
import { mailboxHandlers } from './handlers/mailboxes';
import { mailboxAddressHandlers } from './handlers/mailbox-addresses';
import { mergeHandlers } from './handlers/merge';
import { presenceHandlers } from './handlers/presence';
import { receiptHandlers } from './handlers/receipts';
import { satisfactionHandlers } from './handlers/satisfaction';
import { ticketHandlers } from './handlers/tickets';
import { ticketWorkHandlers } from './handlers/ticket-work';
import { ticketReplyHandlers } from './handlers/ticket-replies';
import { viewHandlers } from './handlers/views';
import { route, type Handlers } from './router';
import { services } from './services';
import type { MessageType } from '../../core/schemas/messages';
import { listen, onExtensionStart } from '../../messaging/listen';

const handlers: Handlers<MessageType> = {
  ...connectionHandlers,
  ...ticketHandlers,
  ...ticketWorkHandlers,
  ...housekeepingHandlers,
  ...jobHandlers,
  ...mergeHandlers,
  ...receiptHandlers,
  ...ccHandlers,
  ...mailboxHandlers,
  ...mailboxAddressHandlers,
  ...satisfactionHandlers,
  ...attachmentHandlers,
  ...adminHandlers,
  ...dashboardHandlers,
  ...viewHandlers,
  ...ticketReplyHandlers,
  ...blueprintHandlers,
  ...presenceHandlers,
  ...customFieldHandlers,
};

/** Pending writes and remote changes: both are caught up on every wake-up and every alarm. */
async function catchUp() {
  const { outbox, sync } = await services();
  await outbox.drain();
  await sync().catch(() => undefined);
}

export default defineBackground(() => {
  // MV3: every listener registered synchronously, before anything is awaited.
  listen((message, sender) => route(handlers, message, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === 'catch-up') void catchUp();
  });
  onExtensionStart(() => void catchUp());
  // Re-created on every start: alarms do not survive every browser restart.
  void browser.alarms.create('catch-up', { periodInMinutes: 0.5 });
  void browser.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  void catchUp();
});
