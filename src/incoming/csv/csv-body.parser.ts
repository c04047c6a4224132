import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';

/** The largest CSV file an import takes (413 above), as a text/csv body or a multipart file. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const IMPORT_PATH = '/api/incoming/import';

function httpError(statusCode: number, message: string): Error & { statusCode: number } {
  return Object.assign(new Error(message), { statusCode });
}

/** Reads the raw body into a Buffer, failing with a 413 as soon as it grows past `limit`. */
function readLimited(payload: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        payload.removeAllListeners('data');
        payload.resume();
        reject(httpError(413, `The file is larger than ${limit / 1024 / 1024} MB`));
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => resolve(Buffer.concat(chunks)));
    payload.on('error', reject);
  });
}

/**
 * Lets Fastify accept `text/csv` bodies, on the import route only (elsewhere: 415), up to
 * MAX_IMPORT_BYTES, above the 1 MB JSON limit of the rest of the API. The body is handed over as
 * a Buffer; the import decodes it (UTF-8 expected).
 */
@Injectable()
export class CsvBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser('text/csv')) return;
    fastify.addContentTypeParser('text/csv', (request: FastifyRequest, payload, done) => {
      if (request.routeOptions.url !== IMPORT_PATH) {
        done(
          httpError(415, `Unsupported Media Type: text/csv is accepted by POST ${IMPORT_PATH} only`),
          undefined,
        );
        return;
      }
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES) {
        done(httpError(413, `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`), undefined);
        return;
      }
      readLimited(payload, MAX_IMPORT_BYTES).then(
        (body) => done(null, body),
        (error: Error) => done(error, undefined),
      );
    });
  }
}
