import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../../server/app';
import { openDatabase, type Database } from '../../server/db/client';
import { runMigrations } from '../../server/db/migrate';
import { JobQueue } from '../../server/jobs/queue';
import { NoticeQueue } from '../../server/mail/notice-queue';
import type { Mailers } from '../../server/mail/mailers';
import { startJobWorker } from '../../server/jobs/start-worker';
import type { JobRunOptions } from '../../server/jobs/job-runner';
import { loadConfig } from '../../server/config';
import { TrustedProxies } from '../../server/http/client-address';
import { SignInQueue } from '../../server/help-center/sign-in-queue';
import { useSecretKey } from '../../server/secrets/stored-secrets';

/** Every server suite runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const databaseKinds: ('pglite' | 'postgres')[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestServer {
  database: Database;
  app: ReturnType<typeof createApp>;
  /** Sends recorded notices; await notices.kick() to have them at the SMTP server. */
  notices: NoticeQueue;
  mail: { notices: NoticeQueue; publicUrl: string; signIns: SignInQueue };
  /** Sign-in link requests, made after the answer: await signIns.settled() to have their links recorded. */
  signIns: SignInQueue;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

/** A throw-away database on the PostgreSQL server of TEST_DATABASE_URL, dropped on close. */
async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `inbox_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface TestServerOptions {
  /** 'run': a job worker processes jobs; 'hold': jobs are accepted and stay queued. */
  jobs?: 'run' | 'hold';
  /** Pause between job items, to catch a job while it runs. */
  jobPauseMs?: number;
  /** Where the worker sends bulk replies (default: stored, as without SMTP_URL). */
  worker?: Pick<JobRunOptions, 'mailers' | 'delivery'> & { replyUndoSeconds?: number };
  /** Where notices and sign-in links go (default: stored, as without SMTP_URL). */
  mailers?: Mailers;
  /** INBOUND_DSN_SECRET (default: unset, only agents' tokens post bounces). */
  inboundSecret?: string;
  /** TRUSTED_PROXIES, as the environment would give it. */
  trustedProxies?: string;
}

/** What @hono/node-server passes as the app's env: app.request(path, init, peerEnv(ip)) comes from that socket peer. */
export const peerEnv = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

/** One key per test process, as one per server process: every test server of a file reads the others' secrets. */
export const TEST_SECRET_KEY = randomBytes(32);

/** The address help-center links in test mail start with. */
export const TEST_PUBLIC_URL = 'http://help.test';

export async function createTestServer(kind: 'pglite' | 'postgres', options: TestServerOptions = {}): Promise<TestServer> {
  useSecretKey(TEST_SECRET_KEY);
  const pgDb = kind === 'postgres' ? await freshPostgres() : null;
  const database = await openDatabase(pgDb ? { databaseUrl: pgDb.url } : {});
  await runMigrations(database);
  const notices = new NoticeQueue(database.db, options.mailers, TEST_PUBLIC_URL);
  const signIns = new SignInQueue(database.db, notices);
  const mail = { notices, publicUrl: TEST_PUBLIC_URL, signIns };
  const jobs =
    options.jobs === 'run'
      ? await startJobWorker(database, { pollSeconds: 0.5, pauseMs: options.jobPauseMs ?? 0, ...options.worker, notices })
      : options.jobs === 'hold'
        ? await JobQueue.start(database)
        : undefined;
  const app = createApp({
    database,
    version: 'test',
    corsOrigins: ['chrome-extension://testextensionid'],
    logRequests: false,
    mail,
    inboundSecret: options.inboundSecret ?? null,
    trustedProxies: new TrustedProxies(loadConfig({ TRUSTED_PROXIES: options.trustedProxies ?? '' }).TRUSTED_PROXIES),
    ...(jobs ? { jobs } : {}),
  });
  return {
    database,
    app,
    notices,
    mail,
    signIns,
    async request(method, path, { token, body, headers = {} } = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (token) (init.headers as Record<string, string>).Authorization = `Bearer ${token}`;
      if (body !== undefined) {
        (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
      }
      const res = await app.request(path, init);
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    },
    async close() {
      await jobs?.stop();
      await signIns.settled();
      await notices.stop();
      await database.close();
      await pgDb?.drop();
    },
  };
}
