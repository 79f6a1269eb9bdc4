import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-desk-crash-'));
const { DATABASE_URL: _external, ...inherited } = process.env;
const env = { ...inherited, LOG_REQUESTS: 'false', JOB_ITEM_PAUSE_MS: '120' };
let server: ChildProcess | null = null;

function cli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['server/main.ts', ...args, '--data-dir', dataDir], { cwd: root, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(out))));
  });
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** In its own process group, so a SIGKILL takes tsx and the node process it runs together. */
function start(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['server/main.ts', 'start', '--port', String(port), '--data-dir', dataDir], { cwd: root, env, detached: true });
    server = child;
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (out.includes('listening on')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGKILL, no clean-up: the lock file stays behind, naming a process that is gone. */
async function crash() {
  const child = server!;
  const holder = (JSON.parse(readFileSync(path.join(dataDir, 'owner.lock'), 'utf8')) as { pid: number }).pid;
  process.kill(-child.pid!, 'SIGKILL');
  server = null;
  while (alive(holder)) await new Promise((resolve) => setTimeout(resolve, 50));
}

afterAll(() => {
  if (server?.pid && alive(server.pid)) process.kill(-server.pid, 'SIGKILL');
});

describe('a server killed in the middle of a job', () => {
  it('resumes the job after a restart, changing each of its 50 tickets exactly once', async () => {
    await cli(['seed', 'demo']);
    const token = (await cli(['token', 'admin@demo.example'])).trim().split('\n').at(-1)!;
    const port = await freePort();
    const api = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1${url}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return (await res.json()) as any;
    };
    await start(port);
    const support = (await api('GET', '/departments')).items.find((d: { name: string }) => d.name === 'Support');
    const macro = (await api('GET', `/macros?departmentId=${support.id}`)).items.find((m: { name: string }) => m.name === 'Escalate to Tier 2');
    const ticketIds = (await api('GET', `/tickets?departmentId=${support.id}&limit=50`)).items.map((t: { id: number }) => t.id);
    expect(ticketIds).toHaveLength(50);
    const job = await api('POST', '/jobs', { operation: 'macro', departmentId: support.id, ticketIds, payload: { macroId: macro.id } });
    expect(job.status).toBe('queued');

    let progress = job;
    while (progress.counts.done + progress.counts.failed < 10) progress = await api('GET', `/jobs/${job.id}`);
    await crash();
    await start(port);
    const stopped = await api('GET', `/jobs/${job.id}`);
    expect(stopped.counts.done + stopped.counts.failed).toBeGreaterThanOrEqual(10);
    expect(stopped.counts.done + stopped.counts.failed).toBeLessThan(50);

    let finished = stopped;
    const deadline = Date.now() + 90_000;
    while (finished.status !== 'completed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      finished = await api('GET', `/jobs/${job.id}`);
    }
    expect(finished).toMatchObject({ status: 'completed', counts: { total: 50, done: 50, failed: 0 } });
    for (const id of ticketIds) {
      const history = (await api('GET', `/tickets/${id}/history`)).items.filter((h: { jobId: number | null }) => h.jobId === job.id);
      expect(history, `ticket ${id}`).toHaveLength(1);
      const comments = (await api('GET', `/tickets/${id}/timeline`)).comments.filter((c: { body: string }) => c.body.startsWith('Escalated to Tier 2'));
      expect(comments, `ticket ${id}`).toHaveLength(1);
      expect((await api('GET', `/tickets/${id}`)).status).toBe('escalated');
    }
  }, 150_000);
});
