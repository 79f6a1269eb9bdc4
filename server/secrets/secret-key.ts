import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseSecretKey } from './secret-box';

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

export interface LoadedKey {
  key: Buffer;
  /** For the start-up log: where the key came from, never the key. */
  origin: string;
}

/** The embedded database's key file: it lives and is backed up with the data it unlocks. */
export const keyFilePath = (dataDir: string) => path.join(dataDir, 'secret.key');

function readKeyFile(file: string): Buffer {
  const key = parseSecretKey(readFileSync(file, 'utf8'));
  if (!key)
    throw new SecretKeyError(
      `${file} does not hold a 32-byte base64 key. Restore it from a backup, or remove it to have a new one made (the saved SMTP and IMAP passwords must then be entered again).`,
    );
  return key;
}

/**
 * SECRET_KEY when set. Otherwise PostgreSQL refuses to start (several instances must share one key,
 * so none may invent its own), and the embedded database uses DATA_DIR/secret.key, made on first start.
 */
export function loadSecretKey(options: { secretKey: Buffer | undefined; databaseUrl: string | undefined; dataDir: string }): LoadedKey {
  if (options.secretKey) return { key: options.secretKey, origin: 'SECRET_KEY' };
  if (options.databaseUrl) {
    throw new SecretKeyError(
      'SECRET_KEY is not set: with DATABASE_URL (PostgreSQL) the key that encrypts stored SMTP and IMAP passwords must come from the environment, the same on every instance. Generate one with `openssl rand -base64 32`, keep it safe, and set SECRET_KEY to it.',
    );
  }
  const file = keyFilePath(options.dataDir);
  if (existsSync(file)) return { key: readKeyFile(file), origin: `the key file ${path.resolve(file)}` };
  const key = randomBytes(32);
  mkdirSync(options.dataDir, { recursive: true });
  // 'wx': two processes starting at once cannot both write one; 0600: only this user reads it.
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { key, origin: `a new key file ${path.resolve(file)} (generated now; back it up with the data directory)` };
}
