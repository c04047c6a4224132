import {
  classifyFailure,
  MAX_RETRY_DELAY_MS,
  messageIdFor,
  nextStep,
  retryDelay,
} from './notification-delivery.js';

const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });

describe('outbox delivery rules', () => {
  it('takes a 5xx reply as permanent, a 4xx one or a connection failure as temporary', () => {
    expect(classifyFailure(smtpError(550, '550 5.1.1 No such user')).permanent).toBe(true);
    expect(classifyFailure(smtpError(451, '451 4.3.0 Try later')).permanent).toBe(false);
    expect(
      classifyFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' })).permanent,
    ).toBe(false);
    expect(classifyFailure(smtpError(451, 'a\n  b')).message).toBe('a b');
  });

  it('doubles the wait after each failure, jittered into its upper half, never above the ceiling', () => {
    expect(retryDelay(1, 1000, () => 0)).toBe(500);
    expect(retryDelay(1, 1000, () => 1)).toBe(1000);
    expect(retryDelay(2, 1000, () => 1)).toBe(2000);
    expect(retryDelay(4, 1000, () => 0.5)).toBe(6000);
    expect(retryDelay(60, 1000, () => 1)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('gives up on a permanent failure at once, on a temporary one after the last attempt', () => {
    const temporary = { permanent: false, message: '451' };
    expect(nextStep(temporary, 1, 3)).toBe('retry');
    expect(nextStep(temporary, 3, 3)).toBe('dead');
    expect(nextStep({ permanent: true, message: '550' }, 1, 3)).toBe('dead');
  });

  it('makes one Message-ID per row in the sender’s domain', () => {
    expect(messageIdFor('abc', 'Portal <no-reply@umons.ac.be>')).toBe('<abc@umons.ac.be>');
    expect(messageIdFor('abc', 'no-reply@umons.ac.be')).toBe('<abc@umons.ac.be>');
  });
});
