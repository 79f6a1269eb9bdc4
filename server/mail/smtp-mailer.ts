import { Readable } from 'node:stream';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

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
 * (nothing of the message was written, or the server answered with a temporary 4xx), `uncertain`
 * (message data went to the server and no answer came back: it may have arrived, so it is never sent
 * again automatically).
 */
export interface SendOutcome {
  status: 'sent' | 'failed' | 'retry' | 'uncertain';
  response: string;
}

export interface ReplyMailer {
  send(message: EnvelopedMessage): Promise<SendOutcome>;
  close(): void;
}

interface SmtpError extends Error {
  code?: string;
  command?: string;
  responseCode?: number;
  response?: string;
}

/** How far one send got: message data flows to the connection only once the server answered DATA with 354. */
export interface SmtpStage {
  dataWritten: boolean;
}

/**
 * Classifies a failed send by what the server said, else by the stage it reached. nodemailer reports
 * a dropped connection or a socket timeout as `ECONNECTION`/`ETIMEDOUT` with `command: 'CONN'`
 * whatever the stage, so the command alone cannot tell "nothing handed over" from "the message was
 * sent and its answer lost" (issue 21: 4 copies from 3 retries).
 */
export function outcomeOf(error: SmtpError, stage: SmtpStage): SendOutcome {
  const response = error.response ?? error.message;
  const code = error.responseCode ?? 0;
  // A 5xx is a refusal for good at any stage, a 4xx one worth retrying (RFC 5321 4.2.1).
  if (code >= 500) return { status: 'failed', response };
  if (code >= 400) return { status: 'retry', response };
  // EENVELOPE: MAIL FROM, RCPT TO or DATA was refused (or the envelope invalid); nothing was written.
  if (!stage.dataWritten || error.code === 'EENVELOPE') return { status: 'retry', response };
  return { status: 'uncertain', response: `No answer after the message data was sent, so it may have arrived: ${response}` };
}

/** Per-send stage, carried to the stream plugin in the mail's data (plugins read their options there). */
const STAGE = Symbol('smtpStage');
type StagedOptions = nodemailer.SendMailOptions & { [STAGE]?: SmtpStage };

/**
 * The message stream as the SMTP connection reads it: `onRead` runs when the connection first pulls
 * data, which nodemailer does only after the server accepted DATA (354). Nothing is read ahead, so
 * the first pull is the first byte that can leave for the server.
 */
function watched(input: Readable, onRead: () => void): Readable {
  const output = new Readable({
    read() {
      onRead();
      input.resume();
    },
  });
  input.on('data', (chunk: Buffer) => {
    if (!output.push(chunk)) input.pause();
  });
  input.on('end', () => output.push(null));
  input.on('error', (error) => output.destroy(error));
  input.pause();
  return output;
}

function trackStage(transport: Transporter): void {
  transport.use('stream', (mail, done) => {
    const stage = (mail.data as StagedOptions)[STAGE];
    if (stage) mail.message.processFunc((input) => watched(input, () => (stage.dataWritten = true)));
    done();
  });
}

export interface SmtpOptions {
  /** How long to wait for any answer (the final dot's included) before giving up; SMTP_SOCKET_TIMEOUT_MS. */
  socketTimeoutMs?: number;
}

/** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`; pooled, as DESIGN.md measured. */
export function smtpMailer(url: string, options: SmtpOptions = {}): ReplyMailer {
  const parsed = new URL(url);
  // maxRequeues is a pool option @types/nodemailer does not list.
  const poolOptions: SMTPPool.Options & { maxRequeues: number } = {
    pool: true,
    maxConnections: 3,
    host: parsed.hostname,
    port: Number(parsed.port || (parsed.protocol === 'smtps:' ? 465 : 587)),
    secure: parsed.protocol === 'smtps:',
    ...(parsed.username ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } } : {}),
    connectionTimeout: 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
    // The pool would silently requeue a message whose connection closed; every retry is decided here.
    maxRequeues: 0,
  };
  const transport: Transporter = nodemailer.createTransport(poolOptions);
  trackStage(transport);
  return {
    async send(message) {
      const stage: SmtpStage = { dataWritten: false };
      const mail: StagedOptions = {
        [STAGE]: stage,
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
      };
      try {
        const info = await transport.sendMail(mail);
        return { status: 'sent', response: String(info.response ?? '') };
      } catch (error) {
        return outcomeOf(error as SmtpError, stage);
      }
    },
    close: () => transport.close(),
  };
}
