import { HttpException, HttpStatus } from '@nestjs/common';
import { IncomingErrorCode } from '../incoming-error-codes.js';

/** What a refused import is told to wait, in seconds: a full file takes a few. */
export const IMPORT_RETRY_AFTER_SECONDS = 5;

/**
 * One import at a time on this instance: a second one, while the first runs, is refused at once
 * with 429 and Retry-After rather than queued (each import holds up to a file's worth of rows and
 * a database transaction).
 */
export class ImportGate {
  private busy = false;

  /** Takes the gate, or throws 429; call the returned function once done, whatever happened. */
  enter(): () => void {
    if (this.busy) {
      throw new HttpException(
        {
          message: `Another import is running; try again in ${IMPORT_RETRY_AFTER_SECONDS} seconds`,
          code: IncomingErrorCode.IMPORT_BUSY,
          retryAfter: IMPORT_RETRY_AFTER_SECONDS,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    this.busy = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.busy = false;
    };
  }
}
