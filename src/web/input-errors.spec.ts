import { missingFirst } from './input-errors.js';

describe('missingFirst', () => {
  it('puts the "missing" constraints of each field first, keeping the others in order', () => {
    expect(
      missingFirst([
        { field: 'city', constraints: ['maxLength', 'isNotEmpty', 'isString'] },
        { field: 'name', constraints: ['maxLength'] },
      ]),
    ).toEqual([
      { field: 'city', constraints: ['isNotEmpty', 'maxLength', 'isString'] },
      { field: 'name', constraints: ['maxLength'] },
    ]);
  });
});
