import openapiBackend from 'openapi-backend';
import type { OpenAPIV3 } from 'openapi-types';

/**
 * Checks real responses against the OpenAPI document the app serves at /api/docs-json, with
 * openapi-backend (Ajv). Stricter than the document's letter, so that an empty or partial schema
 * cannot pass:
 * - an object schema that does not say otherwise takes no field it does not declare
 *   (`additionalProperties: false`);
 * - a success status the operation does not declare, or a JSON answer without a schema, is a failure;
 * - `date`, `date-time` and `uuid` formats are checked.
 * A `nullable` property accepts null also when its schema is a reference (`allOf: [$ref]`) or an
 * enum, as @nestjs/swagger writes them and generated clients read them.
 */

export interface RecordedResponse {
  method: string;
  /** The path without the query string, e.g. /api/programmes/1d0c.... */
  path: string;
  status: number;
  contentType: string;
  body: unknown;
  /** The raw body: empty for 204 and 304. */
  text: string;
}

type Schema = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Walks every schema object reachable in the document, in place. */
function visitSchemas(node: unknown, visit: (schema: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitSchemas(item, visit);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if ('type' in record || 'properties' in record || 'allOf' in record || 'items' in record) {
    visit(record);
  }
  for (const value of Object.values(record)) visitSchemas(value, visit);
}

/** The document as the validator reads it (see the top of this file); the input is not changed. */
export function strictDocument(document: OpenAPIV3.Document): OpenAPIV3.Document {
  const strict = structuredClone(document);
  visitSchemas(strict.components?.schemas ?? {}, tighten);
  for (const pathItem of Object.values(strict.paths ?? {})) {
    for (const operation of Object.values(pathItem ?? {})) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      visitSchemas((operation as OpenAPIV3.OperationObject).responses, tighten);
    }
  }
  return strict;
}

function tighten(schema: Record<string, unknown>): void {
  const isObject = schema.type === 'object' || 'properties' in schema;
  if (isObject && !('additionalProperties' in schema) && !('allOf' in schema)) {
    schema.additionalProperties = false;
  }
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum = [...(schema.enum as unknown[]), null];
  }
  if (schema.nullable === true && Array.isArray(schema.allOf)) {
    const { allOf, nullable: _nullable, type: _type, ...rest } = schema;
    for (const key of Object.keys(schema)) delete schema[key];
    Object.assign(schema, rest, { anyOf: [{ allOf }, { enum: [null] }] });
  }
}

const { OpenAPIBackend } = openapiBackend;

export class ResponseConformance {
  private constructor(
    private readonly api: InstanceType<typeof OpenAPIBackend>,
    private readonly document: OpenAPIV3.Document,
  ) {}

  static async of(document: OpenAPIV3.Document): Promise<ResponseConformance> {
    const strict = strictDocument(document);
    const api = new OpenAPIBackend({
      definition: strict as never,
      quick: true,
      validate: true,
      customizeAjv: (ajv) => {
        ajv.addFormat('date', DATE);
        ajv.addFormat('date-time', DATE_TIME);
        ajv.addFormat('uuid', UUID);
        return ajv;
      },
    });
    await api.init();
    return new ResponseConformance(api, strict);
  }

  /** What is wrong with the response, as readable lines; empty when it conforms. */
  problems(response: RecordedResponse): string[] {
    const operation = this.api.router.matchOperation({
      method: response.method.toLowerCase(),
      path: response.path,
      headers: {},
      query: {},
    });
    // Not an API route of the document (Swagger UI, an unknown path answered 404, ...).
    if (!operation) return [];
    // Errors and "not modified" are not what this checks; every success is.
    if (response.status < 200 || response.status >= 300) return [];
    const where = `${response.method} ${response.path} -> ${response.status} (${operation.operationId})`;
    const declared = operation.responses?.[String(response.status)] as OpenAPIV3.ResponseObject | undefined;
    if (!declared) {
      const statuses = Object.keys(operation.responses ?? {}).join(', ');
      return [`${where}: status ${response.status} is not declared (declared: ${statuses})`];
    }
    if (response.text.length === 0) {
      return declared.content && response.status !== 204
        ? [`${where}: answered no body, the document declares one`]
        : [];
    }
    const mediaType = response.contentType.split(';')[0].trim().toLowerCase();
    const content = declared.content ?? {};
    if (!mediaType.includes('json')) {
      return mediaType in content || Object.keys(content).some((type) => type.endsWith('/*'))
        ? []
        : [
            `${where}: answered ${mediaType}, the document declares ${Object.keys(content).join(', ') || 'none'}`,
          ];
    }
    const schema = content['application/json']?.schema as Schema | undefined;
    if (!schema) return [`${where}: answered JSON, the document declares no JSON schema for it`];
    const result = this.api.validator.validateResponse(response.body, operation, response.status);
    return (result.errors ?? []).map(
      (error) =>
        `${where}: ${error.instancePath || '(body)'} ${error.message}` +
        (error.params && 'additionalProperty' in error.params
          ? ` "${String(error.params.additionalProperty)}"`
          : ''),
    );
  }

  /** The operations of the document, for checks on the document itself. */
  operations(): Array<{ method: string; path: string; operation: OpenAPIV3.OperationObject }> {
    return Object.entries(this.document.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item ?? {})
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({ method, path, operation: operation as OpenAPIV3.OperationObject })),
    );
  }
}

const byBaseUrl = new Map<string, Promise<ResponseConformance>>();

/** The checker for the app at `baseUrl`, built once from the document that app serves. */
export function conformanceOf(baseUrl: string): Promise<ResponseConformance> {
  let conformance = byBaseUrl.get(baseUrl);
  if (!conformance) {
    conformance = fetch(new URL('/api/docs-json', baseUrl))
      .then((response) => response.json() as Promise<OpenAPIV3.Document>)
      .then((document) => ResponseConformance.of(document));
    byBaseUrl.set(baseUrl, conformance);
  }
  return conformance;
}
