import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The files of page forms read by the hook, by request then field name (kept out of the body, which pipes walk). */
const uploads = new WeakMap<FastifyRequest, Map<string, Buffer>>();

/** The content of a file a page form sent in `field`, if any. */
export function uploadedFile(request: FastifyRequest, field: string): Buffer | undefined {
  return uploads.get(request)?.get(field);
}

function tooLarge(limit: number): Error & { statusCode: number } {
  return Object.assign(new Error(`The file is larger than ${limit / 1024 / 1024} MB`), { statusCode: 413 });
}

/**
 * Reads a multipart page form (`enctype="multipart/form-data"`) into the request body before the
 * CSRF check, which reads the token from the body: without this, a form with a file would be
 * refused without JavaScript. The files are kept aside (`uploadedFile`). Only for the routes named
 * (one file field each, `maxBytes` at most).
 */
export function readUploadFormsOf(
  fastify: FastifyInstance,
  routes: ReadonlySet<string>,
  maxBytes: number,
): void {
  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    if (request.method !== 'POST' || !routes.has(request.routeOptions.url ?? '')) return;
    if (typeof request.isMultipart !== 'function' || !request.isMultipart()) return;
    const form: Record<string, string> = {};
    const files = new Map<string, Buffer>();
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10 } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer().catch((error: unknown) => {
          throw (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge(maxBytes) : error;
        });
        // An empty file input still sends a part, without a name or a byte.
        if (part.filename || content.length > 0) files.set(part.fieldname, content);
      } else if (typeof part.value === 'string') {
        form[part.fieldname] = part.value;
      }
    }
    uploads.set(request, files);
    // The text fields (the CSRF token among them) become the body the CSRF check reads.
    request.body = form;
  });
}
