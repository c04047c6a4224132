import type { ProgrammeResponse } from '../dto/programme.response.js';
import { programmeFormValues, programmeInput } from './programme-form.js';

const ZONE = 'Europe/Brussels';

describe('the programme form', () => {
  it('turns window days into the instants they start and end in the time zone; empty optional fields clear', () => {
    const input = programmeInput(
      {
        title: ' Semester in Almaty ',
        applicationOpensAt: '2026-01-10',
        applicationClosesAt: '2026-01-31',
        places: '5',
        eligibleFacultyIds: ['', 'a'],
        agreementId: '',
        description: 'Text',
      },
      ZONE,
    );
    expect(input).toMatchObject({
      title: 'Semester in Almaty',
      applicationOpensAt: '2026-01-09T23:00:00.000Z',
      applicationClosesAt: '2026-01-31T22:59:00.000Z',
      places: '5',
      eligibleFacultyIds: ['a'],
      agreementId: null,
      languageOfInstruction: null,
      description: 'Text',
    });
  });

  it('keeps the exact instant of a day left unchanged, and passes a bad day on for validation to refuse', () => {
    const current = {
      applicationOpensAt: new Date('2026-01-10T08:30:00Z'),
      applicationClosesAt: new Date('2026-02-01T16:00:00Z'),
    } as ProgrammeResponse;
    const values = programmeFormValues(
      Object.assign({ eligibleFacultyIds: [], places: 5 }, current) as unknown as ProgrammeResponse,
      ZONE,
    );
    expect(values.applicationOpensAt).toBe('2026-01-10');
    const input = programmeInput(
      { applicationOpensAt: '2026-01-10', applicationClosesAt: '31/01/2026' },
      ZONE,
      current,
    );
    expect(input.applicationOpensAt).toBe('2026-01-10T08:30:00.000Z');
    expect(input.applicationClosesAt).toBe('31/01/2026');
  });
});
