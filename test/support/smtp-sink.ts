import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One DATA the sink received: the parsed message, who it was for, and what the sink answered. */
export interface ReceivedMail {
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  html: string;
  /** The reply code the sink gave: 250 accepted, anything else refused. */
  answered: number;
  parsed: ParsedMail;
}

/** Decides the reply to a message: 250 accepts it, 4xx/5xx refuse it. */
export type Responder = (mail: Omit<ReceivedMail, 'answered'>, attempt: number) => number;

/**
 * A real SMTP server in the test process (smtp-server), on a free loopback port, that parses what
 * arrives (mailparser) and answers as the test says. It can be stopped and started again on the
 * same port (the mail server "down for a while").
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  responder: Responder = () => 250;
  private server: SMTPServer | undefined;
  private readonly attempts = new Map<string, number>();
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Accepted messages only. */
  get accepted(): ReceivedMail[] {
    return this.received.filter((mail) => mail.answered === 250);
  }

  acceptedFor(address: string): ReceivedMail[] {
    return this.accepted.filter((mail) => mail.to.includes(address));
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      closeTimeout: 50,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            const mail = {
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              messageId: parsed.messageId ?? '',
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              parsed,
            };
            const attempt = (this.attempts.get(mail.messageId) ?? 0) + 1;
            this.attempts.set(mail.messageId, attempt);
            const answered = this.responder(mail, attempt);
            this.received.push({ ...mail, answered });
            if (answered === 250) return callback();
            callback(
              Object.assign(new Error(`Refused by the test (${answered})`), { responseCode: answered }),
            );
          })
          .catch((error: Error) => callback(error));
      },
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
  }

  /** Stops listening and drops open connections; `start()` listens again on the same port. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
