import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One JSON line per request, when it completes, carrying the request id (`reqId`), with the level
 * following the status. Probes (/health) are not logged: they poll often and would drown the rest.
 */
export class RequestLogController extends LogController {
  override isLogDisabled(request: FastifyRequest): boolean {
    return request.url.startsWith('/health');
  }

  override incomingRequest(): void {
    // Logged once, on completion, with its outcome.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const status = reply.statusCode;
    const level = error || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    reply.log[level](
      { method: request.method, url: request.url, statusCode: status, responseTime: reply.elapsedTime },
      'request completed',
    );
  }
}
