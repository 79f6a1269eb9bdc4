import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  mail: ParsedMail;
}

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives and refuses the recipients it is told
 * to; it can also fail the way networks do, once per recipient listed, at a chosen stage.
 */
export class SmtpPeer {
  readonly received: Received[] = [];
  readonly refuse = new Set<string>();
  /** RCPT TO answered by dropping the connection (before any message data), once each. */
  readonly dropAtRcpt = new Set<string>();
  /** RCPT TO answered with a temporary 451, once each. */
  readonly deferAtRcpt = new Set<string>();
  /** The message is received, then the connection dropped instead of answering the final dot, once each. */
  readonly dropAfterData = new Set<string>();
  /** The final dot answered only after this many ms (past the client's socket timeout), once each. */
  readonly answerLate = new Map<string, number>();
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      // Relays are reached with credentials; this one takes any, in the clear, on loopback only.
      allowInsecureAuth: true,
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, session, callback) => {
        if (this.dropAtRcpt.delete(address.address)) return this.drop(session);
        if (this.deferAtRcpt.delete(address.address)) return callback(Object.assign(new Error('4.3.2 try again later'), { responseCode: 451 }));
        if (!this.refuse.has(address.address)) return callback();
        callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            const to = session.envelope.rcptTo.map((r) => r.address);
            this.received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to, mail });
            this.answer(session, to[0] ?? '', callback);
          })
          .catch(callback);
      },
    });
  }

  /** Answers the final dot as told for this recipient: at once, late, or never (the connection dropped). */
  private answer(session: SMTPServerSession, address: string, callback: () => void) {
    if (this.dropAfterData.delete(address)) return this.drop(session);
    const late = this.answerLate.get(address);
    if (late === undefined) return callback();
    this.answerLate.delete(address);
    setTimeout(callback, late);
  }

  private drop(session: SMTPServerSession) {
    for (const connection of this.server.connections) if (connection.session.id === session.id) connection._socket.destroy();
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(port = 0): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
