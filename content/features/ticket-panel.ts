import TicketPanel from '../../components/inbox/ticket/TicketPanel.vue';
import type { Feature } from '../feature-manager';
import { anchoredUi } from '../shadow-ui';

/**
 * The ticket panel above the open conversation. The reading pane is rebuilt when another
 * conversation opens, so the panel follows it: a new header is a new run.
 */
export const ticketPanel: Feature = {
  name: 'ticket-panel',
  init: (context) =>
    anchoredUi(context, {
      name: 'inbox-desk-panel',
      component: TicketPanel,
      anchorOf: () => context.adapter.mountPoints().threadPanel,
      when: () => context.page.conversation !== null,
    }),
};
