import type { Db } from '../db/client';
import type { NoticeQueue } from '../mail/notice-queue';
import { requestSignInLink, type LinkRequest } from './sign-in-links';

/** Requests waiting beyond this are dropped: the per-client limit makes it a flood, and the answer is the same anyway. */
const MAX_WAITING = 1_000;

/**
 * Sign-in link requests, worked through one at a time after the answer has left. Looking the
 * address up, recording a link and its mail take about three times as long for a customer's
 * address as for an unknown one (21 ms against 6 ms, measured), so doing it before answering
 * told anyone who timed it which addresses are customers. Now the answer does the same work
 * for every address; the link's mail leaves through the notice queue.
 */
export class SignInQueue {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(
    private readonly db: Db,
    private readonly notices: NoticeQueue,
  ) {}

  add(request: LinkRequest): void {
    if (this.waiting >= MAX_WAITING) return;
    this.waiting += 1;
    this.tail = this.tail
      // setImmediate: after the answer is on its way, whatever PGlite's synchronous work costs.
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => requestSignInLink(this.db, request))
      .then(
        () => void this.notices.kick(),
        (error: unknown) => console.error('[help center] a sign-in link request failed; the visitor can ask again:', error),
      )
      .finally(() => (this.waiting -= 1));
  }

  /** Resolves once every request added so far is done (shutdown waits for it; so do tests). */
  settled(): Promise<void> {
    return this.tail;
  }
}
