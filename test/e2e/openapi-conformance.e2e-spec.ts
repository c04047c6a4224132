import type { OpenAPIV3 } from 'openapi-types';
import {
  ResponseConformance,
  strictDocument,
  type RecordedResponse,
} from '../support/openapi-conformance.js';
import { bootApp, type TestApp } from '../support/test-app.js';

/**
 * The document served at /api/docs-json against the real answers. Every e2e request through
 * test-app's HttpClient is checked against it (a mismatch fails that test); this file checks the
 * document itself and that the check cannot pass a response it should not.
 */
describe('OpenAPI document matches the responses (e2e)', () => {
  let t: TestApp;
  let document: OpenAPIV3.Document;
  let conformance: ResponseConformance;
  let institution: RecordedResponse;

  const schemas = () => document.components!.schemas as Record<string, OpenAPIV3.SchemaObject>;

  beforeAll(async () => {
    t = await bootApp();
    document = (await t.http.get('/api/docs-json')).body;
    conformance = await ResponseConformance.of(document);
    const found = await t.http.get('/api/institutions', { query: { q: 'farabi' } });
    const path = `/api/institutions/${found.body.items[0].id}`;
    const response = await t.http.get(path);
    expect(response.status).toBe(200);
    institution = {
      method: 'GET',
      path,
      status: 200,
      contentType: response.headers['content-type'],
      body: response.body,
      text: response.text,
    };
  });
  afterAll(async () => {
    await t.close();
  });

  it('declares for every operation a success response, with a schema for each media type it answers', () => {
    const missing: string[] = [];
    const operations = conformance.operations();
    expect(operations.length).toBeGreaterThan(40);
    for (const { method, path, operation } of operations) {
      const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) missing.push(`${method} ${path}: no success response`);
      for (const [status, response] of successes) {
        const { content } = response as OpenAPIV3.ResponseObject;
        if (status === '204') continue;
        if (!content || Object.keys(content).length === 0)
          missing.push(`${method} ${path} ${status}: no content`);
        for (const [type, media] of Object.entries(content ?? {})) {
          if (!media.schema) missing.push(`${method} ${path} ${status} ${type}: no schema`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('types every property of every schema: no empty object, no untyped field', () => {
    const untyped: string[] = [];
    for (const [name, schema] of Object.entries(schemas())) {
      if (!schema.properties || Object.keys(schema.properties).length === 0) {
        untyped.push(`${name}: no properties`);
      }
      for (const [field, property] of Object.entries(schema.properties ?? {})) {
        const typed = property as OpenAPIV3.SchemaObject & { $ref?: string };
        const isReference = Boolean(typed.$ref || typed.allOf || typed.oneOf || typed.anyOf);
        if (!typed.type && !isReference) untyped.push(`${name}.${field}: no type`);
        if (typed.type === 'object' && !typed.properties && !typed.additionalProperties && !isReference) {
          untyped.push(`${name}.${field}: an object with no declared fields`);
        }
      }
    }
    expect(untyped).toEqual([]);
  });

  it('lists the fields of the response schemas, with nullability', () => {
    expect(Object.keys(schemas().InstitutionResponse.properties!).sort()).toEqual(
      [
        'abbreviation',
        'city',
        'countryCode',
        'createdAt',
        'erasmusCode',
        'id',
        'isHome',
        'name',
        'schacCode',
        'updatedAt',
        'website',
      ].sort(),
    );
    expect(schemas().InstitutionResponse.properties!.website).toEqual(
      expect.objectContaining({ type: 'string', nullable: true }),
    );
    expect(schemas().InstitutionResponse.properties!.name).not.toHaveProperty('nullable');
    expect(schemas().AuthResponse.required).toEqual(
      expect.arrayContaining(['accessToken', 'expiresIn', 'user']),
    );
    expect(schemas().ProgrammeResponsePage.properties).toEqual({
      items: { type: 'array', items: { $ref: '#/components/schemas/ProgrammeResponse' } },
      nextCursor: expect.objectContaining({ type: 'string', nullable: true }),
    });
  });

  it('types dates answered as strings as strings with a date or date-time format', () => {
    const incoming = schemas().IncomingResponse.properties!;
    for (const field of ['actualArrival', 'actualDeparture']) {
      expect(incoming[field]).toEqual(
        expect.objectContaining({ type: 'string', format: 'date', nullable: true }),
      );
    }
    expect(incoming.plannedArrival).toEqual(expect.objectContaining({ type: 'string', format: 'date' }));
    expect(incoming.createdAt).toEqual(expect.objectContaining({ type: 'string', format: 'date-time' }));
    expect(schemas().ProgrammeResponse.properties!.startDate).toEqual(
      expect.objectContaining({ type: 'string', format: 'date' }),
    );
    expect(schemas().UserResponse.properties!.erasedAt).toEqual(
      expect.objectContaining({ type: 'string', format: 'date-time', nullable: true }),
    );
  });

  it('does not mark required a body that may be omitted (submit, withdraw, publish)', () => {
    for (const path of [
      '/api/applications/{id}/submit',
      '/api/applications/{id}/withdraw',
      '/api/news/{id}/publish',
    ]) {
      const body = document.paths[path]!.post!.requestBody as OpenAPIV3.RequestBodyObject | undefined;
      expect({ path, required: body?.required ?? false }).toEqual({ path, required: false });
    }
  });

  it('passes a real response and fails one with a field the schema does not declare', () => {
    expect(conformance.problems(institution)).toEqual([]);
    const body = institution.body as Record<string, unknown>;
    const withExtra = { ...institution, body: { ...body, passwordHash: 'x' } };
    expect(conformance.problems(withExtra)).toEqual([
      expect.stringMatching(/GET \/api\/institutions\/.* must NOT have additional properties "passwordHash"/),
    ]);
  });

  it('fails a missing field, a wrong type, a null where none is allowed, and an undeclared status', () => {
    const body = institution.body as Record<string, unknown>;
    const { name: _name, ...withoutName } = body;
    expect(conformance.problems({ ...institution, body: withoutName })).toEqual([
      expect.stringContaining("must have required property 'name'"),
    ]);
    expect(conformance.problems({ ...institution, body: { ...body, isHome: 'yes' } })).toEqual([
      expect.stringContaining('/isHome must be boolean'),
    ]);
    expect(conformance.problems({ ...institution, body: { ...body, city: null } })).toEqual([
      expect.stringContaining('/city must be string'),
    ]);
    expect(conformance.problems({ ...institution, body: { ...body, createdAt: 'yesterday' } })).toEqual([
      expect.stringContaining('/createdAt must match format "date-time"'),
    ]);
    expect(conformance.problems({ ...institution, status: 202 })).toEqual([
      expect.stringContaining('status 202 is not declared'),
    ]);
  });

  it('cannot be passed by an empty schema or a route without one', async () => {
    const emptied = structuredClone(document);
    (emptied.components!.schemas as Record<string, OpenAPIV3.SchemaObject>).InstitutionResponse = {
      type: 'object',
      properties: {},
    };
    const lenient = await ResponseConformance.of(emptied);
    expect(lenient.problems(institution)).toEqual([
      expect.stringContaining('must NOT have additional properties'),
    ]);

    const withoutSchema = structuredClone(document);
    delete (withoutSchema.paths['/api/institutions/{id}']!.get!.responses['200'] as OpenAPIV3.ResponseObject)
      .content;
    expect((await ResponseConformance.of(withoutSchema)).problems(institution)).toEqual([
      expect.stringContaining('the document declares no JSON schema'),
    ]);
  });

  it('reads nullable references and enums as accepting null, and leaves the served document as it is', () => {
    const strict = strictDocument(document);
    const home = (strict.components!.schemas!.IncomingResponse as OpenAPIV3.SchemaObject).properties!
      .homeInstitution as OpenAPIV3.SchemaObject;
    expect(home.anyOf).toEqual([
      { allOf: [{ $ref: '#/components/schemas/IncomingInstitutionSummary' }] },
      { enum: [null] },
    ]);
    expect(schemas().IncomingResponse.properties!.homeInstitution).toEqual(
      expect.objectContaining({ nullable: true }),
    );
    expect(schemas().InstitutionResponse).not.toHaveProperty('additionalProperties');
  });
});
