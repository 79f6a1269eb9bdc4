import { isSealed, SecretBox } from './secret-box';

/**
 * The process's key for stored SMTP/IMAP secrets, set once at start-up (cli-commands.ts) from
 * SECRET_KEY or the embedded key file. One process has one key, like its environment, so the
 * modules that read or write a secret need not pass it along.
 */
let box: SecretBox | null = null;

export function useSecretKey(key: Buffer): void {
  box = new SecretBox(key);
}

function current(): SecretBox {
  if (!box) throw new Error('No secret key loaded: the server sets one at start-up (SECRET_KEY or the data directory key file) before it stores a secret.');
  return box;
}

/** The value to store for a password, token or SMTP URL with credentials. */
export const sealSecret = (plain: string): string => current().seal(plain);

/** The plain value of a stored secret; a legacy plain value needs no key. Throws SecretKeyMismatch, naming `setting`, for another key's value. */
export function openSecret(stored: string, setting: string): string {
  return isSealed(stored) ? current().open(stored, setting) : stored;
}
