import { thrown } from '../../test/support/thrown.js';
import { ErrorCode } from './errors/error-codes.js';
import { defineWorkflow, eventStatusesCheck, statusIn } from './workflow.js';

type Light = 'red' | 'green' | 'amber' | 'off';
const light = defineWorkflow<Light>({
  subject: 'A light',
  transitions: { red: ['green', 'off'], green: ['amber'], amber: ['red'], off: [] },
  // Any registered code will do for the test.
  invalidTransition: ErrorCode.VALIDATION_FAILED,
});

describe('defineWorkflow', () => {
  it('allows exactly the listed steps', () => {
    expect(light.canTransition('red', 'green')).toBe(true);
    expect(light.canTransition('green', 'red')).toBe(false);
    expect(light.canTransition('red', 'red')).toBe(false);
    expect(light.nextStatuses('red')).toEqual(['green', 'off']);
    expect(light.nextStatuses('off')).toEqual([]);
    expect(() => light.assertTransition('amber', 'red')).not.toThrow();
  });

  it('refuses any other step with a 409 of the workflow’s code naming both ends and what may follow', () => {
    const error = thrown(() => light.assertTransition('green', 'off'));
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 409,
      details: { from: 'green', to: 'off' },
    });
    expect(error.message).toBe('A light cannot go from green to off (from green it can go to: amber)');
    expect(thrown(() => light.assertTransition('off', 'red')).message).toBe(
      'A light cannot go from off to red (off is final)',
    );
  });
});

describe('status CHECK SQL', () => {
  it('lists the statuses of the code', () => {
    expect(statusIn('status', ['draft', 'full-year'])).toBe(`status IN ('draft', 'full-year')`);
    expect(eventStatusesCheck(['a', 'b'])).toBe(
      `to_status IN ('a', 'b') AND (from_status IS NULL OR from_status IN ('a', 'b'))`,
    );
  });

  it('refuses a name that is not a plain status (no SQL can slip in)', () => {
    expect(() => statusIn('status', ["x') OR ('1"])).toThrow(/Not a status name/);
  });
});
