import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import { createApp } from './app';
import { startJobWorker } from './jobs/start-worker';
import { applyDsn, DsnError } from './mail/dsn';
import { MailIngest } from './mail/ingest/mail-ingest';
import { describeCounts } from './mail/ingest/pass-summary';
import { purgeExpiredCredentials } from './help-center/expired-credentials';
import { NoticeQueue } from './mail/notice-queue';
import { sanitiseStoredHtml } from './mail/stored-html';
import { Mailers } from './mail/mailers';
import { smtpMailer } from './mail/smtp-mailer';
import type { Config } from './config';
import { openDatabase, type Database, type Db } from './db/client';
import { runMigrations } from './db/migrate';
import { resealStoredSecrets } from './secrets/reseal';
import { loadSecretKey, SecretKeyError } from './secrets/secret-key';
import { useSecretKey } from './secrets/stored-secrets';
import { agents, apiTokens } from './db/schema';
import { seedDemo } from './db/seed/demo';
import { hashToken, newToken } from './http/auth';
import { TrustedProxies } from './http/client-address';
import { SignInQueue } from './help-center/sign-in-queue';
import { TRASH_DAYS } from '../core/schemas/admin';
import { purgeTrash } from './tickets/trash-purge';
import { VERSION } from './version';

export interface CommonOptions {
  dataDir: string;
}

export class CliError extends Error {
  override name = 'CliError';
}

/** The key of stored secrets, before the database opens: PostgreSQL without SECRET_KEY stops here. */
function unlockSecrets(config: Config, options: CommonOptions): string {
  try {
    const loaded = loadSecretKey({ secretKey: config.SECRET_KEY, databaseUrl: config.DATABASE_URL, dataDir: options.dataDir });
    useSecretKey(loaded.key);
    return loaded.origin;
  } catch (error) {
    if (error instanceof SecretKeyError) throw new CliError(error.message);
    throw error;
  }
}

/** Encrypts the secrets still stored in plain text; one saved with another key is named, not fatal. */
async function resealSecrets(database: Database, origin: string): Promise<void> {
  const { sealed, unreadable } = await resealStoredSecrets(database.db);
  console.info(`Stored SMTP/IMAP secrets: encrypted with ${origin}${sealed ? `; ${sealed} saved in plain text before were encrypted now` : ''}.`);
  for (const setting of unreadable) console.warn(`${setting} cannot be decrypted with this key: start with the SECRET_KEY it was saved with, or enter it again.`);
}

async function openMigrated(config: Config, options: CommonOptions): Promise<Database> {
  const origin = unlockSecrets(config, options);
  const database = await openDatabase({ ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}), dataDir: options.dataDir });
  try {
    await runMigrations(database);
    await resealSecrets(database, origin);
    const sanitised = await sanitiseStoredHtml(database.db);
    if (sanitised) console.info(`Sanitised the HTML of ${sanitised} incoming messages stored before HTML was sanitised on the server.`);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Runs a short command on a migrated database and always releases it (the data-dir lock included). */
async function withDatabase<T>(config: Config, options: CommonOptions, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openMigrated(config, options);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const describeDb = (database: Database) =>
  database.kind === 'pglite' ? `embedded PGlite in ${database.location} (one process at a time; use PostgreSQL via DATABASE_URL for a team)` : `PostgreSQL at ${database.location}`;

export function migrate(config: Config, options: CommonOptions) {
  return withDatabase(config, options, async (database) => console.info(`Migrated ${describeDb(database)}.`));
}

export function seed(config: Config, options: CommonOptions, dataset: string) {
  if (dataset !== 'demo') throw new CliError(`Unknown seed "${dataset}"; the only one is "demo".`);
  return withDatabase(config, options, async (database) => {
    const result = await seedDemo(database.db);
    console.info(result.seeded ? `Seeded demo data: ${result.summary}.` : 'Demo data is already there; nothing changed.');
  });
}

export function token(config: Config, options: CommonOptions, email: string, label: string) {
  return withDatabase(config, options, async ({ db }) => {
    const [agent] = await db.select().from(agents).where(eq(agents.email, email.toLowerCase()));
    if (!agent) throw new CliError(`No agent with the address ${email}. Seed the demo (npm run server -- seed demo) or check the address.`);
    const plain = newToken();
    await db.insert(apiTokens).values({ agentId: agent.id, tokenHash: hashToken(plain), label });
    console.info(`API token for ${agent.name} <${agent.email}> — shown once, store it now:`);
    console.log(plain);
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * R-BULK-11: empties the trash of expired tickets now and once a day, with the help center's expired
 * sign-in links and sessions; a failed run waits for the next.
 */
function schedulePurge(db: Db) {
  const run = () =>
    Promise.all([purgeTrash(db), purgeExpiredCredentials(db)]).then(
      ([purged]) => {
        if (purged > 0) console.info(`Purged ${purged} tickets from the trash (older than ${TRASH_DAYS} days).`);
      },
      (error: unknown) => console.error('Purging the trash or expired help-center sign-ins failed; it is retried in 24 hours:', error),
    );
  void run();
  setInterval(run, DAY_MS).unref();
}

/** `dsn <file>`: a bounce (RFC 3464) saved from the mailbox, for servers that cannot post to /inbound/dsn. */
export function dsn(config: Config, options: CommonOptions, file: string) {
  return withDatabase(config, options, async ({ db }) => {
    try {
      const { bounced } = await applyDsn(db, readFileSync(file, 'utf8'));
      console.info(bounced ? 'Bounce applied: its recipient is marked bounced.' : 'Nothing changed: a delay or relay notice, or a recipient that was never handed over.');
    } catch (error) {
      if (error instanceof DsnError) throw new CliError(error.message);
      throw error;
    }
  });
}

/**
 * `ingest --once`: one pass over every enabled mailbox, a line per mailbox, exit 1 when one could
 * not be read. Without --once the mailboxes are watched until stopped (an ingest-only process).
 */
export function ingest(config: Config, options: CommonOptions & { once: boolean }) {
  if (!options.once) return watchMailboxes(config, options);
  return withDatabase(config, options, async ({ db }) => {
    const results = await new MailIngest(db).runOnce();
    if (results.length === 0) return console.info('No enabled mailboxes: add one on the options page (Mailboxes) first.');
    for (const result of results) {
      const name = `${result.username} ${result.folder}`;
      if (result.error) console.error(`${name}: ${result.error}`);
      else console.info(`${name}: ${describeCounts(result.counts!) || 'nothing new'}.`);
    }
    const failed = results.filter((r) => r.error);
    if (failed.length) throw new CliError(`${failed.length} of ${results.length} mailboxes could not be read: ${failed.map((r) => r.error).join(' ')}`);
  });
}

async function watchMailboxes(config: Config, options: CommonOptions) {
  const database = await openMigrated(config, options);
  const mail = new MailIngest(database.db);
  await mail.start();
  console.info(`Reading the enabled mailboxes into ${describeDb(database)}; Ctrl-C stops.`);
  const stop = async () => {
    await mail.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export async function start(config: Config, options: CommonOptions & { port: number; host: string; seed?: string; demo?: boolean }) {
  const database = await openMigrated(config, options);
  if (options.seed) {
    if (options.seed !== 'demo') throw new CliError(`Unknown seed "${options.seed}"; the only one is "demo".`);
    const result = await seedDemo(database.db);
    console.info(result.seeded ? `Seeded demo data: ${result.summary}.` : 'Demo data already present.');
  }
  const mailers = new Mailers(config.SMTP_URL ?? null, (url) => smtpMailer(url, { socketTimeoutMs: config.SMTP_SOCKET_TIMEOUT_MS }));
  const publicUrl = config.PUBLIC_URL ?? `http://${options.host}:${options.port}`;
  const notices = new NoticeQueue(database.db, mailers, publicUrl);
  const jobs = await startJobWorker(database, { pauseMs: config.JOB_ITEM_PAUSE_MS, mailers, replyUndoSeconds: config.REPLY_UNDO_SECONDS, delivery: { publicUrl }, notices });
  await notices.start();
  const signIns = new SignInQueue(database.db, notices);
  const mail = new MailIngest(database.db);
  await mail.start();
  const app = createApp({
    database,
    version: VERSION,
    corsOrigins: config.CORS_ORIGINS,
    trustedProxies: new TrustedProxies(config.TRUSTED_PROXIES),
    logRequests: config.LOG_REQUESTS,
    inboundSecret: config.INBOUND_DSN_SECRET ?? null,
    demo: options.demo ?? false,
    jobs,
    mail: { notices, publicUrl, signIns },
  });
  schedulePurge(database.db);
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
    console.info(`Database: ${describeDb(database)}.`);
    console.info(
      config.SMTP_URL
        ? `Mail: SMTP at ${new URL(config.SMTP_URL).host} (departments may have their own).`
        : 'Mail: no SMTP_URL, so replies are stored, not sent, unless a department has its own SMTP server (demo mode).',
    );
    console.info(`Mail ingestion: ${mail.watching} enabled mailboxes read over IMAP (IDLE where the server has it, else every 60 s).`);
    console.info(`Read receipts: images served from ${publicUrl}/r/${config.PUBLIC_URL ? '' : ' (set PUBLIC_URL to the address customers reach)'}`);
    console.info(
      config.TRUSTED_PROXIES.length
        ? `Client addresses: X-Forwarded-For believed from ${config.TRUSTED_PROXIES.length} TRUSTED_PROXIES entries.`
        : 'Client addresses: the connecting peer (no TRUSTED_PROXIES, X-Forwarded-For ignored).',
    );
    if (options.demo) console.info(`Demo mailbox: http://${options.host}:${info.port}/demo/gmail`);
    console.info(`Inbox Desk API ${VERSION} listening on http://${options.host}:${info.port}/api/v1 (OpenAPI: /api/v1/openapi.json)`);
  });
  const stop = async () => {
    server.close();
    await mail.stop();
    await jobs.stop();
    await signIns.settled();
    await notices.stop();
    mailers.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
