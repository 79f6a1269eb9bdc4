import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

const DOVECOT = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot'].find((p) => existsSync(p)) ?? null;

/** Why the IMAP suites cannot run here, or null when they can (.ci/run installs dovecot: scripts/ensure-dovecot.sh). */
export const imapUnavailable: string | null = DOVECOT ? null : 'dovecot is not installed (apt-get install dovecot-imapd, or source scripts/ensure-dovecot.sh)';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server sends its greeting; dovecot needs a moment after it forks. */
async function waitForGreeting(port: number, deadline: number, log: () => string): Promise<void> {
  while (Date.now() < deadline) {
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      // A listener without a login process accepts and then says nothing.
      socket.setTimeout(1000, () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (greeted) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not start:\n${log()}`);
}

interface RunAs {
  internalUser: string;
  loginUser: string;
  mailUid: number;
  mailGid: number;
}

/**
 * Unprivileged, everything runs as whoever runs the tests. As root (CI containers) dovecot refuses
 * to log in as root, so it uses the users Debian's package creates and the spool is theirs.
 */
function runAs(): RunAs {
  const me = userInfo();
  if (me.uid !== 0) return { internalUser: me.username, loginUser: me.username, mailUid: me.uid, mailGid: me.gid };
  const [, , uid, gid] = spawnSync('getent', ['passwd', 'dovecot']).stdout.toString().trim().split(':');
  return { internalUser: 'dovecot', loginUser: 'dovenull', mailUid: Number(uid), mailGid: Number(gid) };
}

function configText(dir: string, port: number, user: RunAs): string {
  return `
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
default_internal_user = ${user.internalUser}
default_login_user = ${user.loginUser}
first_valid_uid = ${Math.min(user.mailUid, 100)}
first_valid_gid = ${Math.min(user.mailGid, 100)}
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/users
}
userdb {
  driver = static
  args = uid=${user.mailUid} gid=${user.mailGid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  inet_listener http {
    port = 0
  }
}
`;
}

/**
 * A real IMAP server (Debian's dovecot) on 127.0.0.1 with a throw-away maildir spool and one user,
 * plaintext sign-in on loopback. Messages are put in with APPEND, as a mail server would deliver them.
 */
export class ImapPeer {
  readonly username = 'desk@acme.test';
  readonly password = 'imap-secret';
  port = 0;
  private dir = '';
  private child: ChildProcess | null = null;

  async start(): Promise<void> {
    if (!DOVECOT) throw new Error(imapUnavailable!);
    this.dir = mkdtempSync(path.join(tmpdir(), 'inbox-desk-imap-'));
    for (const sub of ['run', 'state', 'mail', 'home']) mkdirSync(path.join(this.dir, sub));
    writeFileSync(path.join(this.dir, 'users'), `${this.username}:${this.password}\n`);
    this.port = await freePort();
    const user = runAs();
    writeFileSync(path.join(this.dir, 'dovecot.conf'), configText(this.dir, this.port, user));
    // mkdtemp makes the directory 0700; dovecot's own users must reach the password file and the spool.
    chmodSync(this.dir, 0o755);
    for (const sub of ['mail', 'home']) chownSync(path.join(this.dir, sub), user.mailUid, user.mailGid);
    await this.launch();
  }

  private async launch(): Promise<void> {
    const child = spawn(DOVECOT!, ['-F', '-c', path.join(this.dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    this.child = child;
    await waitForGreeting(this.port, Date.now() + 15_000, () => `${output}${this.log()}`);
    await this.waitForSignIn(Date.now() + 15_000);
  }

  /** The greeting comes from the login process; the auth process may still be starting (a busy CI machine). */
  private async waitForSignIn(deadline: number): Promise<void> {
    for (;;) {
      try {
        await (await this.client()).logout();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`dovecot does not sign in: ${String(error)}\n${this.log()}`, { cause: error });
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  log(): string {
    const file = path.join(this.dir, 'dovecot.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  }

  /** The mailbox settings the backend stores for this server. */
  settings(overrides: Partial<{ username: string; secret: string; folder: string }> = {}) {
    return { host: '127.0.0.1', port: this.port, secure: false, username: this.username, auth: 'password' as const, secret: this.password, folder: 'INBOX', ...overrides };
  }

  private async client(): Promise<ImapFlow> {
    const client = new ImapFlow({ host: '127.0.0.1', port: this.port, secure: false, auth: { user: this.username, pass: this.password }, logger: false });
    client.on('error', () => {});
    await client.connect();
    return client;
  }

  /** Delivers messages (raw RFC 5322 text) to a folder, created if missing, in order; returns their UIDs. */
  async append(messages: string[], folder = 'INBOX'): Promise<number[]> {
    const client = await this.client();
    try {
      if (folder !== 'INBOX' && !(await client.list()).some((f) => f.path === folder)) await client.mailboxCreate(folder);
      const uids: number[] = [];
      for (const message of messages) {
        const appended = await client.append(folder, message);
        uids.push(appended ? (appended.uid ?? 0) : 0);
      }
      return uids;
    } finally {
      await client.logout();
    }
  }

  /**
   * A new UIDVALIDITY, as after a server migration: the spool is thrown away while the server is
   * down, so the rebuilt INBOX gets a new UIDVALIDITY, and the messages are delivered again.
   */
  async resetUidValidity(messages: string[]): Promise<void> {
    await this.stop();
    const user = runAs();
    rmSync(path.join(this.dir, 'mail'), { recursive: true, force: true });
    mkdirSync(path.join(this.dir, 'mail'));
    chownSync(path.join(this.dir, 'mail'), user.mailUid, user.mailGid);
    await this.launch();
    await this.append(messages);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
