import { departments } from '../../../core/contracts/departments';
import { receipts } from '../../../core/contracts/receipts';
import type { Handlers } from '../router';
import { call } from '../services';

/** Read receipts (R-RCPT-7) and the department switches that govern them (R-RCPT-1); reads and admin writes, never queued. */
export const receiptHandlers: Handlers<'receipts.ofTicket' | 'departments.list' | 'departments.setFeatures'> = {
  'receipts.ofTicket': ({ ticketId }) => call(receipts.ofTicket, { params: { id: ticketId } }),
  'departments.list': () => call(departments.list, {}),
  'departments.setFeatures': ({ departmentId, features }) => call(departments.setFeatures, { params: { id: departmentId }, body: features }),
};
