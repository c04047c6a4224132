import { HttpException } from '@nestjs/common';
import { ImportGate, IMPORT_RETRY_AFTER_SECONDS } from './import-gate.js';

describe('ImportGate', () => {
  it('lets one import in and refuses a second with 429 and a Retry-After until the first is done', () => {
    const gate = new ImportGate();
    const release = gate.enter();
    let refusal: unknown;
    try {
      gate.enter();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(HttpException);
    expect((refusal as HttpException).getStatus()).toBe(429);
    expect((refusal as HttpException).getResponse()).toMatchObject({
      code: 'INCOMING_IMPORT_BUSY',
      retryAfter: IMPORT_RETRY_AFTER_SECONDS,
    });
    release();
    const again = gate.enter();
    expect(() => gate.enter()).toThrow(HttpException);
    again();
  });

  it('releases once only: a second call cannot open the gate under a later import', () => {
    const gate = new ImportGate();
    const first = gate.enter();
    first();
    const second = gate.enter();
    first();
    expect(() => gate.enter()).toThrow(HttpException);
    second();
    expect(() => gate.enter()).not.toThrow();
  });
});
