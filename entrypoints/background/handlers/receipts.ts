import { Department } from '../../../core/schemas/department';
import { TicketReceipts } from '../../../core/schemas/receipt';
import type { Handlers } from '../router';
import { backend } from '../services';

/** Read receipts (R-RCPT-7) and the department switches that govern them (R-RCPT-1); reads and admin writes, never queued. */
export const receiptHandlers: Handlers<'receipts.ofTicket' | 'departments.list' | 'departments.setFeatures'> = {
  'receipts.ofTicket': ({ ticketId }) => backend(async (api) => TicketReceipts.parse(await api.get(`tickets/${ticketId}/receipts`).json())),
  'departments.list': () =>
    backend(async (api) => ({ items: ((await api.get('departments').json()) as { items: unknown[] }).items.map((d) => Department.parse(d)) })),
  'departments.setFeatures': ({ departmentId, features }) =>
    backend(async (api) => Department.parse(await api.patch(`departments/${departmentId}/features`, { json: features }).json())),
};
