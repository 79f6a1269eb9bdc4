import BulkBar from '../../components/inbox/bulk/BulkBar.vue';
import type { Feature } from '../feature-manager';
import { selectionOf } from '../selection';
import { anchoredUi } from '../shadow-ui';

/**
 * The bar above the message list that acts on the selected conversations, and the selection it
 * reads: mounted again whenever the webmail re-draws its toolbar.
 */
export const selectionBar: Feature = {
  name: 'selection-bar',
  async init(context) {
    const { adapter, page, rowTickets } = context;
    const ui = await anchoredUi(context, { name: 'inbox-desk-toolbar', component: BulkBar, anchorOf: () => adapter.mountPoints().toolbar });
    return {
      ...ui,
      async update() {
        const rows = adapter.rows();
        const selection = selectionOf(rows, await rowTickets.of(rows));
        page.folder = adapter.folder();
        page.selectedThreadIds = selection.threadIds;
        page.selectedTickets = selection.tickets;
        page.selectedTicketCount = selection.tickets.length;
        page.selectedWithoutTicket = selection.withoutTicket;
        page.selectionBeyondView = adapter.selectionBeyondView?.() ?? null;
      },
    };
  },
};
