/**
 * The outbox's rules, without a database or a mail server: which failures are worth another try,
 * how long to wait before it, when to give up.
 */

/** Never wait more than this between two tries. */
export const MAX_RETRY_DELAY_MS = 6 * 60 * 60 * 1000;

/** How long a sender's claim on a row holds; after it, another sender takes the row again. */
export const CLAIM_MS = 2 * 60 * 1000;

export interface Failure {
  /** 5xx from the server: trying again will not help. */
  permanent: boolean;
  /** What the outbox shows of it (one line, at most 500 characters). */
  message: string;
}

/**
 * A failed send: the SMTP reply code decides (5xx permanent, 4xx temporary); an error without
 * one (connection refused, timeout, TLS) is temporary, the server may be back soon.
 */
export function classifyFailure(error: unknown): Failure {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  const text = error instanceof Error ? error.message : String(error);
  const message = text.replace(/\s+/g, ' ').trim().slice(0, 500) || 'unknown error';
  return { permanent: typeof code === 'number' && code >= 500 && code < 600, message };
}

/**
 * The wait before try `attempts + 1` after `attempts` failed ones: base × 2^(attempts − 1),
 * at most MAX_RETRY_DELAY_MS, then jittered into its upper half so that many rows failing at
 * once do not all come back at the same moment.
 */
export function retryDelay(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
  return Math.round(exponential / 2 + (exponential / 2) * random());
}

/** After a failure: another try later, or give up (`dead`). */
export function nextStep(failure: Failure, attempts: number, maxAttempts: number): 'retry' | 'dead' {
  return failure.permanent || attempts >= maxAttempts ? 'dead' : 'retry';
}

/** The domain of the Message-IDs: MAIL_FROM's. */
export function messageDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'portal.local';
}

/** The Message-ID of a row: the same on every try, unique per row (the claim writes it once). */
export function messageIdFor(notificationId: string, from: string): string {
  return `<${notificationId}@${messageDomain(from)}>`;
}
