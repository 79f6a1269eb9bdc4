import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { mailboxes } from '../../db/schema';
import { ingestOnce, type OnceResult } from './ingest-once';
import { DEFAULT_TIMING, MailboxWatch, type WatchTiming } from './mailbox-watch';
import type { MailboxRow } from '../../db/rows';
import { describeError } from '../../http/error-report';

export interface MailIngestOptions {
  timing?: Partial<WatchTiming>;
  /** How often the list of mailboxes is read again, so an admin's change applies without a restart. */
  reloadMs?: number;
  log?: (line: string) => void;
}

/** What a watcher depends on: a change to any of it means a new connection. */
const fingerprint = (m: MailboxRow) => JSON.stringify([m.host, m.port, m.secure, m.username, m.auth, m.secret, m.folder]);

/**
 * Mail ingestion inside the server (`npm run server -- start`): one watcher per enabled mailbox,
 * each with its own IMAP connection. Disabled mailboxes are skipped; the list is re-read
 * periodically. Several backend instances may run it on one PostgreSQL: each message is still
 * ingested once (see ingest-message.ts).
 */
export class MailIngest {
  private readonly watchers = new Map<number, { watch: MailboxWatch; fingerprint: string }>();
  private readonly timing: WatchTiming;
  private reloadTimer: NodeJS.Timeout | null = null;
  private reloading: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly options: MailIngestOptions = {},
  ) {
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
  }

  private get log() {
    return this.options.log ?? ((line: string) => console.info(line));
  }

  async start(): Promise<void> {
    await this.reload();
    this.reloadTimer = setInterval(
      () => void this.reload().catch((e: unknown) => this.log(`Reading the mailbox list failed: ${describeError(e)}`)),
      this.options.reloadMs ?? 60_000,
    );
    this.reloadTimer.unref();
  }

  /** Starts watchers for new or changed mailboxes, stops those of removed or disabled ones. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(() => this.applyList());
    return this.reloading;
  }

  private async applyList(): Promise<void> {
    const rows = await this.db.select().from(mailboxes).where(eq(mailboxes.enabled, true));
    const wanted = new Map(rows.map((row) => [row.id, row]));
    for (const [id, current] of this.watchers) {
      const row = wanted.get(id);
      if (row && fingerprint(row) === current.fingerprint) continue;
      this.watchers.delete(id);
      await current.watch.stop();
    }
    for (const row of rows) {
      if (this.watchers.has(row.id)) continue;
      const watch = new MailboxWatch(this.db, { ...row, auth: row.auth as 'password' | 'oauth2' }, this.timing, this.log);
      this.watchers.set(row.id, { watch, fingerprint: fingerprint(row) });
      watch.start();
    }
  }

  /** How many mailboxes are being read now. */
  get watching(): number {
    return this.watchers.size;
  }

  async stop(): Promise<void> {
    if (this.reloadTimer) clearInterval(this.reloadTimer);
    await this.reloading.catch(() => {});
    await Promise.all([...this.watchers.values()].map((w) => w.watch.stop()));
    this.watchers.clear();
  }

  /** One pass over every enabled mailbox, then done (`npm run server -- ingest --once`). */
  runOnce(): Promise<OnceResult[]> {
    return ingestOnce(this.db);
  }
}
