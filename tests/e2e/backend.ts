import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEV_EXTENSION_ORIGIN } from '../../dev-extension';
import { SmtpPeer } from '../server/mail/smtp-peer';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface TicketJson {
  id: number;
  number: number;
  departmentId: number;
  status: string;
  priority: string;
  version: number;
  trashedAt: string | null;
  mergedIntoId: number | null;
  webmailThreads: { provider: string; mailbox: string; threadId: string }[];
}

/** The real backend as a separate process on a fresh embedded database with the demo seed. */
export class Backend {
  private child: ChildProcess | null = null;
  readonly dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-desk-e2e-'));
  readonly tokens: Record<string, string> = {};
  /** The SMTP server the backend sends bulk replies to (SMTP_URL). */
  readonly smtp = new SmtpPeer();
  port = 0;
  /** CORS_ORIGINS of the next start: the development build's origin, or '' (any extension) for the store package's tests. */
  corsOrigins = DEV_EXTENSION_ORIGIN;

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  private env() {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    return { ...env, CORS_ORIGINS: this.corsOrigins, LOG_REQUESTS: 'false', SMTP_URL: this.smtp.url, REPLY_UNDO_SECONDS: '2' };
  }

  private run(args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(tsx, ['server/main.ts', ...args, '--data-dir', this.dataDir], { cwd: root, env: this.env() });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} failed: ${out}`))));
    });
  }

  /** Seeds and mints tokens before the server owns the data directory. */
  async prepare(agents: string[]) {
    await this.smtp.start();
    await this.run(['seed', 'demo']);
    for (const email of agents) this.tokens[email] = (await this.run(['token', email])).trim().split('\n').at(-1)!;
    this.port = await freePort();
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(tsx, ['server/main.ts', 'start', '--demo', '--port', String(this.port), '--data-dir', this.dataDir], { cwd: root, env: this.env() });
      this.child = child;
      let out = '';
      const onData = (d: Buffer) => {
        out += d;
        if (out.includes('listening on')) resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`backend exited with ${code}: ${out}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.child = null;
  }

  /** The end of the run: the backend and its SMTP server (stop() alone is a restartable outage). */
  async close(): Promise<void> {
    await this.stop();
    await this.smtp.stop();
  }

  async api<T = any>(method: string, apiPath: string, token: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.url}/api/v1${apiPath}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** Every live (not trashed, not merged) ticket the token's agent can see, through the sync listing. */
  async liveTickets(token: string): Promise<TicketJson[]> {
    const items: TicketJson[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: TicketJson[]; nextCursor: string | null } } = await this.api(
        'GET',
        `/tickets?updatedSince=1970-01-01T00:00:00Z&limit=500${cursor ? `&cursor=${cursor}` : ''}`,
        token,
      );
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items.filter((t) => t.trashedAt === null && t.mergedIntoId === null);
  }
}
