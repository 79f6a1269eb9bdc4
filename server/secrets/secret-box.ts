import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Stored secrets look like `v1:<iv>:<tag>:<ciphertext>` (base64 each); a value without the prefix was saved in plain text before encryption. */
const PREFIX = 'v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;

/** A sealed value could not be opened: it was encrypted with another SECRET_KEY (or altered). */
export class SecretKeyMismatch extends Error {
  override name = 'SecretKeyMismatch';
  constructor(readonly setting: string) {
    super(
      `${setting} cannot be decrypted with this SECRET_KEY: it was saved with another key. Start the server with the SECRET_KEY it was saved with, or enter this secret again.`,
    );
  }
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX);

/**
 * Reads a 32-byte key written as base64 (e.g. `openssl rand -base64 32`) or as 64 hex digits
 * (`openssl rand -hex 32`); null when it is neither.
 */
export function parseSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed, 'base64');
  return key.length === KEY_BYTES ? key : null;
}

/** AES-256-GCM with a random IV per value: the same password saved twice is stored differently, and any change to a stored value is detected. */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new Error(`A secret key has ${KEY_BYTES} bytes, not ${key.length}.`);
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64')).join(':');
  }

  /** The plain secret; a legacy plain value comes back as it is. `setting` names the value in the error a wrong key gives. */
  open(stored: string, setting: string): string {
    if (!isSealed(stored)) return stored;
    const [iv, tag, data] = stored
      .slice(PREFIX.length)
      .split(':')
      .map((part) => Buffer.from(part, 'base64'));
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv!);
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyMismatch(setting);
    }
  }
}
