import { ImapFlow, type ImapFlowError, type ImapFlowOptions, type MailboxObject } from 'imapflow';
import { mailboxSetting } from '../../secrets/setting-names';
import { openSecret } from '../../secrets/stored-secrets';

/** What it takes to sign in to a mailbox; `secret` is the password or the OAuth2 access token. */
export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  username: string;
  auth: 'password' | 'oauth2';
  secret: string;
}

/**
 * The sign-in settings of a saved mailbox, its secret decrypted only now, for this connection
 * (SecretKeyMismatch, naming the mailbox, when it was saved with another key).
 */
export function savedMailboxSettings(row: ImapSettings & { id: number }): ImapSettings {
  return { ...row, secret: openSecret(row.secret, mailboxSetting(row)) };
}

/** Extra ImapFlow options a caller may need (e.g. shorter timeouts for an interactive connection test). */
export type ImapConnectOptions = Pick<ImapFlowOptions, 'connectionTimeout' | 'greetingTimeout' | 'socketTimeout' | 'tls' | 'disableAutoIdle' | 'autoIdleDelay' | 'maxIdleTime'>;

/**
 * Defaults are far shorter than imapflow's (90 s to connect): an unreachable host must surface
 * as a mailbox error within seconds, not stall the ingest loop or the admin's connection test.
 */
const DEFAULT_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 5 * 60_000 };

export function imapOptions(settings: ImapSettings, options: ImapConnectOptions = {}): ImapFlowOptions {
  const auth = settings.auth === 'oauth2' ? { user: settings.username, accessToken: settings.secret } : { user: settings.username, pass: settings.secret };
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth,
    // The ingest loop reports errors itself; imapflow's own logger would print every command.
    logger: false,
    clientInfo: { name: 'Inbox Desk' },
    ...DEFAULT_TIMEOUTS,
    ...options,
  };
}

/** A connected, signed-in client. The caller logs it out (`logout()`) or closes it (`close()`). */
export async function connectImap(settings: ImapSettings, options: ImapConnectOptions = {}): Promise<ImapFlow> {
  const client = new ImapFlow(imapOptions(settings, options));
  // Without a listener a socket error after connect() would be an unhandled 'error' event and kill the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw error;
  }
  return client;
}

/** Selects the folder; a missing one names itself in the error, which imapflow leaves out. */
export async function openFolder(client: ImapFlow, folder: string): Promise<MailboxObject> {
  try {
    return await client.mailboxOpen(folder);
  } catch (error) {
    throw Object.assign(error as ImapFlowError, { path: (error as ImapFlowError).path ?? folder });
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'ETIMEOUT']);

function isTlsError(error: ImapFlowError): boolean {
  const code = error.code ?? '';
  return (
    error.tlsFailed === true ||
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code) ||
    /ssl|tls|certificate/i.test(error.message) ||
    code === 'ClosedAfterConnectTLS'
  );
}

/** One line an admin can act on; imapflow's own messages ("Command failed") say little. */
export function describeImapError(error: unknown): string {
  const err = (error ?? {}) as ImapFlowError;
  const server = err.responseText ? ` (server said: ${err.responseText})` : '';
  if (err.authenticationFailed) return `Sign-in failed: the server refused the username or ${err.oauthError ? 'OAuth token' : 'password'}${server}.`;
  if (err.mailboxMissing) return `Folder not found: "${err.path ?? ''}" does not exist in this mailbox.`;
  const code = err.code ?? '';
  if (UNREACHABLE.has(code)) return `Server unreachable (${code}): check the host name, the port and the firewall.`;
  if (TIMEOUTS.has(code)) return `Server did not answer in time (${code}): check the host, the port and whether TLS is on for this port.`;
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER')
    return 'TLS problem: the server does not speak TLS on this port. Turn TLS off (STARTTLS, usually port 143) or use the TLS port (usually 993).';
  if (isTlsError(err)) return `TLS problem (${code || 'handshake'}): ${err.message.trim()}. Check the TLS setting (993 is TLS, 143 is STARTTLS) and the server's certificate.`;
  if (code === 'NoConnection' || code === 'EConnectionClosed' || code === 'ClosedAfterConnectText') return `The server closed the connection: ${err.message}.`;
  return `IMAP error: ${err.message ?? String(error)}${server}`;
}
