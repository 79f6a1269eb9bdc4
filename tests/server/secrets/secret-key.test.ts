import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config';
import { keyFilePath, loadSecretKey, SecretKeyError } from '../../../server/secrets/secret-key';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const { DATABASE_URL: _url, SECRET_KEY: _key, ...inherited } = process.env;

function run(args: string[], extra: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['server/main.ts', ...args], { cwd: root, env: { ...inherited, ...extra } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const freshDir = () => mkdtempSync(path.join(tmpdir(), 'inbox-desk-key-'));

describe('the key of stored secrets', () => {
  it('the embedded database generates a key file on first start (0600) and reuses it; the log never prints it', async () => {
    const dataDir = freshDir();
    const first = await run(['migrate', '--data-dir', dataDir]);
    expect(first.code).toBe(0);
    const file = keyFilePath(dataDir);
    expect(first.stdout).toContain(`Stored SMTP/IMAP secrets: encrypted with a new key file ${file} (generated now; back it up with the data directory).`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const key = readFileSync(file, 'utf8').trim();
    expect(Buffer.from(key, 'base64')).toHaveLength(32);
    const second = await run(['migrate', '--data-dir', dataDir]);
    expect(second.stdout).toContain(`Stored SMTP/IMAP secrets: encrypted with the key file ${file}.`);
    expect(readFileSync(file, 'utf8').trim()).toBe(key);
    for (const output of [first, second]) expect(output.stdout + output.stderr).not.toContain(key);
  }, 60_000);

  it('SECRET_KEY, when set, is used instead of a key file', () => {
    const dataDir = freshDir();
    const key = randomBytes(32);
    expect(loadSecretKey({ secretKey: key, databaseUrl: undefined, dataDir })).toEqual({ key, origin: 'SECRET_KEY' });
    expect(() => statSync(keyFilePath(dataDir))).toThrow();
  });

  it('PostgreSQL without SECRET_KEY refuses to start, saying how to make one, before it connects', async () => {
    const res = await run(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Error: SECRET_KEY is not set: with DATABASE_URL (PostgreSQL)');
    expect(res.stderr).toContain('openssl rand -base64 32');
    expect(res.stderr).not.toContain('ECONNREFUSED');
  }, 60_000);

  it('SECRET_KEY is 32 bytes as base64 or hex; anything else stops start-up naming it, without echoing it', () => {
    const key = randomBytes(32);
    expect(loadConfig({ SECRET_KEY: key.toString('base64') }).SECRET_KEY).toEqual(key);
    expect(loadConfig({ SECRET_KEY: key.toString('hex') }).SECRET_KEY).toEqual(key);
    expect(loadConfig({}).SECRET_KEY).toBeUndefined();
    for (const bad of ['hunter2-hunter2', randomBytes(16).toString('base64'), `${key.toString('hex')}00`]) {
      const error = (() => {
        try {
          loadConfig({ SECRET_KEY: bad });
        } catch (e) {
          return e as Error;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect(error!.message).toContain('SECRET_KEY: must be 32 bytes written as base64 (openssl rand -base64 32) or 64 hex digits (openssl rand -hex 32)');
      expect(error!.message).not.toContain(bad);
    }
  });

  it('a damaged key file stops start-up naming the file, rather than making a new key silently', () => {
    const dataDir = freshDir();
    writeFileSync(keyFilePath(dataDir), 'not a key\n');
    expect(() => loadSecretKey({ secretKey: undefined, databaseUrl: undefined, dataDir })).toThrow(SecretKeyError);
    expect(() => loadSecretKey({ secretKey: undefined, databaseUrl: undefined, dataDir })).toThrow(`${keyFilePath(dataDir)} does not hold a 32-byte base64 key`);
  });
});
