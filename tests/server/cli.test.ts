import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const { DATABASE_URL: _external, ...inherited } = process.env;
const env = { ...inherited, LOG_REQUESTS: 'false' };

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['server/main.ts', ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function startServer(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['server/main.ts', 'start', ...args], { cwd: root, env });
    let output = '';
    const onData = (d: Buffer) => {
      output += d;
      const match = /listening on (http:\/\/[\d.]+:\d+)\/api\/v1/.exec(output);
      if (match) resolve({ child, url: match[1]!, output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
}

const running: ChildProcess[] = [];
afterAll(() => running.forEach((c) => c.kill('SIGTERM')));

describe('server CLI on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-desk-cli-'));

  it('token before seeding names the missing agent and exits 1', async () => {
    const result = await run(['token', 'admin@demo.example', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No agent with the address admin@demo.example');
  });

  it('seed demo loads the demo once; a second run changes nothing', async () => {
    const first = await run(['seed', 'demo', '--data-dir', dataDir]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Seeded demo data: 3 departments, 8 agents/);
    const second = await run(['seed', 'demo', '--data-dir', dataDir]);
    expect(second.stdout).toContain('already there; nothing changed');
  }, 60_000);

  it('token prints the token alone on the last line; start serves it; a second process is refused', async () => {
    const minted = await run(['token', 'agent@demo.example', '--data-dir', dataDir]);
    expect(minted.code).toBe(0);
    const token = minted.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^idk_[A-Za-z0-9_-]{43}$/);

    const server = await startServer(['--port', '0', '--data-dir', dataDir]);
    running.push(server.child);
    expect(server.output()).toContain('embedded PGlite');
    const health = await (await fetch(`${server.url}/api/v1/health`)).json();
    expect(health).toMatchObject({ ok: true, db: 'pglite' });
    const me = await fetch(`${server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { agent: { email: string }; departments: { departmentName: string }[] };
    expect(body.agent.email).toBe('agent@demo.example');
    expect(body.departments.map((d) => d.departmentName)).toEqual(['Support']);
    expect((await fetch(`${server.url}/api/v1/tickets`)).status).toBe(401);

    const second = await run(['token', 'admin@demo.example', '--data-dir', dataDir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/is in use by process \d+ \(.*server\/main.ts start/);
    expect(second.stderr).toContain(dataDir);

    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    const afterStop = await run(['token', 'admin@demo.example', '--data-dir', dataDir]);
    expect(afterStop.code).toBe(0);
  }, 60_000);

  it('dsn refuses a file that is not a bounce of ours, and names a missing file', async () => {
    const file = path.join(dataDir, 'not-a-bounce.eml');
    writeFileSync(file, 'Subject: hello\r\n\r\njust a message');
    const refused = await run(['dsn', file, '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('carries no Inbox Desk recipient token');
    const missing = await run(['dsn', '--data-dir', dataDir]);
    expect(missing.stderr).toContain('Name the bounce message file');
  }, 60_000);

  it('bad configuration stops with a message naming the variable', async () => {
    const child = spawn(tsx, ['server/main.ts', 'migrate'], { cwd: root, env: { ...env, DATABASE_URL: 'mysql://nope' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('DATABASE_URL');
  });

  it('a bad TRUSTED_PROXIES entry stops the start, naming the entry and showing good ones', async () => {
    const child = spawn(tsx, ['server/main.ts', 'start', '--port', '0'], { cwd: root, env: { ...env, TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/33' } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('TRUSTED_PROXIES: "10.0.0.0/33" is not an IP address or CIDR range; write e.g. 127.0.0.1,10.0.0.0/8,::1');
  });
});
