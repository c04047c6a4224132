import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';

/**
 * Nest's own logs (start-up, errors) as pino JSON lines, `{ context, msg }`, like the request
 * lines Fastify writes (see createApp). A few lines instead of nestjs-pino, whose releases for
 * Nest 12 require Node.js 22: we only ever used its logger, never its request middleware.
 */
export class PinoNestLogger implements LoggerService {
  private readonly pino: Logger;

  /** `destination` is for tests; the default is standard output, as for Fastify's lines. */
  constructor(level: string, destination?: DestinationStream) {
    this.pino = destination ? pino({ level }, destination) : pino({ level });
  }

  log(message: unknown, ...optional: unknown[]): void {
    this.write('info', message, optional);
  }
  error(message: unknown, ...optional: unknown[]): void {
    this.write('error', message, optional);
  }
  warn(message: unknown, ...optional: unknown[]): void {
    this.write('warn', message, optional);
  }
  debug(message: unknown, ...optional: unknown[]): void {
    this.write('debug', message, optional);
  }
  verbose(message: unknown, ...optional: unknown[]): void {
    this.write('trace', message, optional);
  }
  fatal(message: unknown, ...optional: unknown[]): void {
    this.write('fatal', message, optional);
  }

  /**
   * Nest calls `log(message, context)` and `error(message, stack, context)`: the context comes
   * last, and an error's stack (a string) before it.
   */
  private write(level: Level, message: unknown, optional: unknown[]): void {
    const rest = [...optional];
    const context = rest.length > 0 && typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (level === 'error' || level === 'fatal') {
      const stack = rest.find((item): item is string => typeof item === 'string');
      if (stack) fields.stack = stack;
    }
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.pino[level]({ ...fields, ...message });
    else this.pino[level](fields, String(message));
  }
}
