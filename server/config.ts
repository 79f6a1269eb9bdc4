import { z } from 'zod';
import { parseProxyRange, type ProxyRange } from './http/client-address';
import { parseSecretKey } from './secrets/secret-box';

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /**
   * How long an SMTP connection waits for the server's next answer (the one to the message's final
   * dot included) before giving up; a message whose answer never came is `uncertain`, never resent.
   */
  SMTP_SOCKET_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /**
   * The key that encrypts stored SMTP and IMAP passwords: 32 bytes as base64 (`openssl rand -base64 32`)
   * or hex. Required with DATABASE_URL; the embedded database keeps a generated one in DATA_DIR.
   */
  SECRET_KEY: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined || text.trim() === '') return undefined;
      const key = parseSecretKey(text);
      if (!key) ctx.addIssue({ code: 'custom', message: 'must be 32 bytes written as base64 (openssl rand -base64 32) or 64 hex digits (openssl rand -hex 32)' });
      return key ?? undefined;
    }),
  /**
   * Where customers' mail clients reach this server, for the read-receipt image (R-RCPT-2); by
   * default the address it listens on, which only works on this machine.
   */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * The bearer token a mail server's delivery script posts bounces to /inbound/dsn with; unset,
   * only the token of an agent with settings.manage in the ticket's department is accepted.
   */
  INBOUND_DSN_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. the output of: openssl rand -base64 32)').optional(),
  /**
   * Comma-separated browser origins allowed to call the API (e.g. chrome-extension://<id>); empty
   * means any Chrome extension (the bearer token is still required) and no web page.
   */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  /**
   * Comma-separated proxies (IP addresses and CIDR ranges) whose X-Forwarded-For is believed;
   * empty means none: the socket's peer is the client.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((s, ctx) => {
      const ranges: ProxyRange[] = [];
      const entries = s.split(',').map((e) => e.trim());
      for (const entry of entries.filter(Boolean)) {
        const range = parseProxyRange(entry);
        if (range) ranges.push(range);
        else ctx.addIssue({ code: 'custom', message: `"${entry}" is not an IP address or CIDR range; write e.g. 127.0.0.1,10.0.0.0/8,::1,fd00::/8` });
      }
      return ranges;
    }),
  LOG_REQUESTS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Pause between job items, in ms: paces jobs on a busy database (tests use it to stop a job midway). */
  JOB_ITEM_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /** Seconds a bulk reply waits, cancellable ("Undo"), before its first message leaves. */
  REPLY_UNDO_SECONDS: z.coerce.number().int().min(0).max(600).default(10),
});
export type Config = z.infer<typeof Env>;

/** Parses the environment once at start-up; a bad value stops the process with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
