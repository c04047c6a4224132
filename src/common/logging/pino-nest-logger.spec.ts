import { PinoNestLogger } from './pino-nest-logger.js';

function capture(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const logger = new PinoNestLogger(level, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('PinoNestLogger', () => {
  it('writes Nest’s log(message, context) as a JSON line with the context', () => {
    const { logger, lines } = capture();
    logger.log('Created the admin account', 'UsersService');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'UsersService', msg: 'Created the admin account' }),
    ]);
  });

  it('keeps an error’s stack and context, and an Error thrown as the message', () => {
    const { logger, lines } = capture();
    logger.error('Query failed', 'Error: boom\n    at x', 'ExceptionsFilter');
    logger.error(new Error('broken'), 'Bootstrap');
    expect(lines[0]).toMatchObject({
      level: 50,
      context: 'ExceptionsFilter',
      stack: 'Error: boom\n    at x',
    });
    expect(lines[0].msg).toBe('Query failed');
    expect(lines[1]).toMatchObject({ level: 50, context: 'Bootstrap', msg: 'broken' });
    expect((lines[1].err as { message: string }).message).toBe('broken');
  });

  it('writes nothing below its level', () => {
    const { logger, lines } = capture('warn');
    logger.log('quiet');
    logger.debug('quieter');
    logger.verbose('quietest');
    logger.warn({ event: 'slow' }, 'Pool');
    expect(lines).toEqual([expect.objectContaining({ level: 40, context: 'Pool', event: 'slow' })]);
  });
});
