import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../server/db/client';
import { runMigrations } from '../../../../server/db/migrate';
import * as t from '../../../../server/db/schema';
import { ImapPeer, imapUnavailable } from '../imap-peer';
import { composeMail } from './ingest-fixture';

const root = path.resolve(import.meta.dirname, '../../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const { DATABASE_URL: _external, ...env } = process.env;

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

/** Changes the data directory between runs, as an admin would on the options page. */
async function withData(dataDir: string, work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>) {
  const database = await openDatabase({ dataDir });
  try {
    await runMigrations(database);
    await work(database.db);
  } finally {
    await database.close();
  }
}

const title = imapUnavailable ? `npm run server -- ingest --once (skipped: ${imapUnavailable})` : 'npm run server -- ingest --once';

describe.skipIf(imapUnavailable !== null)(`${title} on the embedded database`, () => {
  const peer = new ImapPeer();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inbox-desk-ingest-'));

  beforeAll(async () => {
    await peer.start();
    await peer.append(
      [
        await composeMail({ from: 'lee@customer.test', to: 'support@acme.test', subject: 'Help', text: 'x' }),
        await composeMail({ from: 'lee@customer.test', to: 'support@acme.test', subject: 'Out of Office: Help', text: 'away' }),
      ],
      'Support',
    );
    await withData(dataDir, async (db) => {
      const [department] = await db
        .insert(t.departments)
        .values({
          name: 'Support',
          supportAddresses: ['support@acme.test'],
          features: { receipts: false, cc: false, ccOptions: { customersMayAddCc: false, autoAddRecipients: false } },
        })
        .returning();
      await db.insert(t.mailboxes).values({ departmentId: department!.id, ...peer.settings({ folder: 'Support' }) });
    });
  }, 60_000);
  afterAll(() => peer.close());

  it('prints per mailbox what the mail became; a second run finds nothing new', async () => {
    const first = await run(['ingest', '--once', '--data-dir', dataDir]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`${peer.username} Support: 1 new ticket, 1 ignored (1 auto-reply).`);
    const second = await run(['ingest', '--once', '--data-dir', dataDir]);
    expect(second.stdout).toContain(`${peer.username} Support: nothing new.`);
  }, 60_000);

  it('a mailbox that cannot be read is named with the reason, and the exit code is 1', async () => {
    await withData(dataDir, async (db) => {
      await db.update(t.mailboxes).set({ secret: 'wrong' });
    });
    const result = await run(['ingest', '--once', '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${peer.username} Support: Sign-in failed: the server refused the username or password`);
    expect(result.stderr).toContain('Error: 1 of 1 mailboxes could not be read');
    await withData(dataDir, async (db) => {
      const [row] = await db.select().from(t.mailboxes).where(eq(t.mailboxes.enabled, true));
      expect(row!.lastError).toMatch(/^Sign-in failed/);
    });
  }, 60_000);
});
