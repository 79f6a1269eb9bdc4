import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from '../../../server/db/data-dir-lock';

const holders: ReturnType<typeof spawn>[] = [];
afterEach(() => holders.splice(0).forEach((p) => p.kill()));

function otherProcess() {
  const child = spawn('sleep', ['30']);
  holders.push(child);
  return child;
}

describe('the embedded database belongs to one process', () => {
  it('refuses a data directory held by a live process, naming the directory and the process', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const holder = otherProcess();
    writeFileSync(path.join(dir, 'owner.lock'), JSON.stringify({ pid: holder.pid, command: 'server/main.ts start', since: '2026-11-23T10:00:00Z' }));
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    try {
      lockDataDir(dir);
    } catch (error) {
      expect((error as Error).message).toContain(dir);
      expect((error as Error).message).toContain(`process ${holder.pid}`);
      expect((error as Error).message).toContain('server/main.ts start');
    }
  });

  it('refuses a second open in the same process', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    release();
  });

  it('takes over a lock left by a process that died, and releases it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lock-'));
    const dead = spawn('true');
    await new Promise((resolve) => dead.on('exit', resolve));
    writeFileSync(path.join(dir, 'owner.lock'), JSON.stringify({ pid: dead.pid, command: 'crashed', since: '2026-11-23T10:00:00Z' }));
    const release = lockDataDir(dir);
    expect(existsSync(path.join(dir, 'owner.lock'))).toBe(true);
    release();
    expect(existsSync(path.join(dir, 'owner.lock'))).toBe(false);
  });
});
