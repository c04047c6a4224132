import { AuthErrorCode } from './auth-error-codes.js';
import {
  ACCOUNT_ATTEMPTS_ALLOWED,
  ADDRESS_ATTEMPTS_ALLOWED,
  throttleVerdict,
  type LoginAttempt,
} from './login-throttle.js';

const attempt = (account: number, address: number, secondsLeft = 42.3): LoginAttempt => ({
  account: { key: 'a', attempts: account, windowStartedAt: '2026-11-29 08:00:00+00', secondsLeft },
  address: { key: 'b', attempts: address, windowStartedAt: '2026-11-29 08:00:00+00', secondsLeft },
});

describe('throttleVerdict', () => {
  it('lets the allowance through: 5 per account and address, 20 per address', () => {
    expect(throttleVerdict(attempt(1, 1))).toBeUndefined();
    expect(throttleVerdict(attempt(ACCOUNT_ATTEMPTS_ALLOWED, ADDRESS_ATTEMPTS_ALLOWED))).toBeUndefined();
  });

  it('refuses the attempt after the account allowance, with the seconds left in its window', () => {
    expect(throttleVerdict(attempt(ACCOUNT_ATTEMPTS_ALLOWED + 1, 6))).toEqual({
      code: AuthErrorCode.LOGIN_ACCOUNT_LIMITED,
      retryAfter: 43,
    });
  });

  it('names the address limit first when both are passed, and never says to retry in 0 s', () => {
    expect(throttleVerdict(attempt(9, ADDRESS_ATTEMPTS_ALLOWED + 1, 0.01))).toEqual({
      code: AuthErrorCode.LOGIN_ADDRESS_LIMITED,
      retryAfter: 1,
    });
  });
});
