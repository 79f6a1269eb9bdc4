import nodemailer, { type Transporter } from 'nodemailer';

/** One copy of a message for one recipient, in its own SMTP envelope. */
export interface EnvelopedMessage {
  envelope: { from: string; to: string[] };
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  /** Identifies the recipient in a bounce (RFC 3464 returns the original headers). */
  token?: string;
}

/** VERP: bounces come back to an address naming the recipient, `noreply+<token>@acme.example`. */
export function bounceAddress(from: string, token: string): string {
  const at = from.lastIndexOf('@');
  return `${from.slice(0, at)}+${token}${from.slice(at)}`;
}

export const TOKEN_HEADER = 'X-Inbox-Desk-Token';

/**
 * What became of one hand-over: `sent` (the server took it), `failed` (refused for good), `retry`
 * (nothing was handed over: connection or a temporary 4xx refusal), `uncertain` (the connection
 * broke after the message was sent: it may have arrived, so it is never sent again automatically).
 */
export interface SendOutcome {
  status: 'sent' | 'failed' | 'retry' | 'uncertain';
  response: string;
}

export interface ReplyMailer {
  send(message: EnvelopedMessage): Promise<SendOutcome>;
  close(): void;
}

/** SMTP commands that run before any message data: a failure there hands nothing over. */
const BEFORE_DATA = new Set(['CONN', 'EHLO', 'HELO', 'LHLO', 'STARTTLS', 'AUTH PLAIN', 'AUTH LOGIN', 'AUTH XOAUTH2', 'MAIL FROM', 'RCPT TO']);

interface SmtpError extends Error {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
}

export function outcomeOf(error: SmtpError): SendOutcome {
  const response = error.response ?? error.message;
  if (error.responseCode !== undefined) return { status: error.responseCode >= 500 ? 'failed' : 'retry', response };
  if (error.code === 'ECONNECTION' || (error.command !== undefined && BEFORE_DATA.has(error.command))) return { status: 'retry', response };
  return { status: 'uncertain', response };
}

/** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`; pooled, as DESIGN.md measured. */
export function smtpMailer(url: string): ReplyMailer {
  const parsed = new URL(url);
  const transport: Transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: 3,
    host: parsed.hostname,
    port: Number(parsed.port || (parsed.protocol === 'smtps:' ? 465 : 587)),
    secure: parsed.protocol === 'smtps:',
    ...(parsed.username ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } } : {}),
    connectionTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({
          envelope: message.envelope,
          from: message.from,
          to: message.to,
          cc: message.cc,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          messageId: message.messageId,
          ...(message.token ? { headers: { [TOKEN_HEADER]: message.token } } : {}),
          ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
          ...(message.references.length ? { references: message.references } : {}),
        });
        return { status: 'sent', response: String(info.response ?? '') };
      } catch (error) {
        return outcomeOf(error as SmtpError);
      }
    },
    close: () => transport.close(),
  };
}
