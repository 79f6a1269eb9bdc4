import type { ImapFlow } from 'imapflow';
import type { Db } from '../../db/client';
import { connectImap, savedMailboxSettings, type ImapSettings } from './imap-connection';
import { fetchNewMail, recordPass, type PassCounts } from './mailbox-pass';
import { describeCounts } from './pass-summary';

export interface WatchTiming {
  /** Between passes when the server cannot IDLE (and as a safety net when it can, times five). */
  pollMs: number;
  /** First wait after a failure; doubled on each further one, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_TIMING: WatchTiming = { pollMs: 60_000, backoffMs: 5_000, maxBackoffMs: 5 * 60_000 };

/** A saved mailbox: its secret as stored (encrypted), opened for each connection. */
export interface WatchedMailbox extends ImapSettings {
  id: number;
  folder: string;
}

/**
 * Keeps one mailbox read: a pass over new mail, then waits for the server's news (IDLE: an EXISTS
 * arrives as soon as mail does) or the poll interval, and again. A failure is recorded on the
 * mailbox row, the connection dropped and retried after a growing pause.
 */
export class MailboxWatch {
  private stopped = false;
  private client: ImapFlow | null = null;
  private news = false;
  private wake: (() => void) | null = null;
  private readonly abort = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    readonly mailbox: WatchedMailbox,
    private readonly timing: WatchTiming,
    private readonly log: (line: string) => void,
  ) {}

  private get name(): string {
    return `${this.mailbox.username} ${this.mailbox.folder}`;
  }

  start(): void {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    this.notify();
    await this.loop;
    await this.disconnect();
  }

  private notify(): void {
    this.news = true;
    this.wake?.();
  }

  private async connect(): Promise<ImapFlow> {
    // IDLE starts a second after each pass, so new mail is announced at once, not at the next poll.
    const client = await connectImap(savedMailboxSettings(this.mailbox), { autoIdleDelay: 1_000, maxIdleTime: 5 * 60_000 });
    client.on('exists', () => this.notify());
    client.on('close', () => this.notify());
    return client;
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client?.usable) await client.logout().catch(() => client.close());
    else client?.close();
  }

  private async pass(): Promise<PassCounts> {
    if (!this.client?.usable) {
      await this.disconnect();
      this.client = await this.connect();
    }
    this.news = false;
    return fetchNewMail(this.db, this.client, this.mailbox.id, this.abort.signal);
  }

  private wait(ms: number): Promise<void> {
    if (this.news || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        const counts = await this.pass();
        await recordPass(this.db, this.mailbox.id, null);
        const summary = describeCounts(counts);
        if (summary) this.log(`Mailbox ${this.name}: ${summary}.`);
        failures = 0;
        await this.wait(this.client?.capabilities.has('IDLE') ? this.timing.pollMs * 5 : this.timing.pollMs);
      } catch (error) {
        if (this.stopped) break;
        failures++;
        const delay = Math.min(this.timing.backoffMs * 2 ** (failures - 1), this.timing.maxBackoffMs);
        const message = await recordPass(this.db, this.mailbox.id, error).catch((e: unknown) => String(e));
        this.log(`Mailbox ${this.name}: ${message} Retrying in ${Math.round(delay / 1000)} s.`);
        await this.disconnect();
        this.news = false;
        await this.wait(delay);
      }
    }
  }
}
