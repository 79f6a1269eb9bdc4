import { reactive } from 'vue';

/**
 * The tickets whose reply composer is open with text in this page: the panel's presence heartbeat
 * says "replying" for them, so other agents see it (collision detection, issue 22 item 9).
 */
export const replyingTickets = reactive(new Set<number>());
