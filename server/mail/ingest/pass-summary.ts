import type { PassCounts } from './mailbox-pass';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What a pass did, for the log and `ingest --once`: "2 new tickets (1 spam), 1 reply, 1 bounce,
 * 3 ignored"; '' when nothing arrived. Spam tickets are tickets (R-BULK-12), shown apart.
 */
export function describeCounts(counts: PassCounts): string {
  const tickets = counts.ticket + counts.spam;
  const ignored = counts.auto_reply + counts.refused;
  const parts = [
    tickets ? `${plural(tickets, 'new ticket', 'new tickets')}${counts.spam ? ` (${counts.spam} spam)` : ''}` : '',
    counts.thread ? plural(counts.thread, 'reply', 'replies') : '',
    counts.bounce ? plural(counts.bounce, 'bounce', 'bounces') : '',
    ignored
      ? `${ignored} ignored (${[counts.auto_reply ? plural(counts.auto_reply, 'auto-reply', 'auto-replies') : '', counts.refused ? `${counts.refused} refused` : ''].filter(Boolean).join(', ')})`
      : '',
    counts.seen ? `${counts.seen} already ingested` : '',
  ];
  return parts.filter(Boolean).join(', ');
}
