// The closed set of reasons an item can fail or be rejected for. Editors see these in
// every run report; adding one is a deliberate change, not a free-form string.
export const FAILURE_REASONS = [
  'http-status',      // the server answered 4xx/5xx
  'timeout',          // connect or total time limit
  'too-large',        // body over the size cap (after decompression too)
  'too-many-redirects',
  'bad-url',          // not http/https, or unparsable
  'blocked-address',  // loopback/private/link-local/metadata without allowPrivateNetwork
  'network',          // DNS failure, reset, refused
  'bad-response',     // broken HTTP: wrong Content-Length, unknown or too many content-encodings
  'bad-encoding',     // bytes not valid in the declared or detected charset
  'bad-feed',         // feed XML could not be parsed at all
  'bad-item',         // one feed item unusable (no link, bad date)
  'no-article',       // Readability found no article text
  'invalid-content',  // the stored record would not pass the content schema
  'write-failed',     // the file system refused the write
  'internal',         // a fault in Storyline itself (any error that is not a StageError, a crashed worker): a bug to fix, not an outlet's problem
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const REJECTION_REASONS = [
  'off-topic',        // analysed and judged not about the story
  'duplicate-url',    // the same canonical URL already came from another feed item
  'editor-rejected',  // corrections.yaml says so
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** A stage failure with a reason from the closed set; thrown by edge modules, caught per item. */
export class StageError extends Error {
  readonly reason: FailureReason;
  constructor(reason: FailureReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StageError';
    this.reason = reason;
  }
}

export function reasonOf(error: unknown): FailureReason {
  return error instanceof StageError ? error.reason : 'internal';
}

/** A failure as the run report records it: the reason, a message in words, and for our own
 *  faults the stack, so that a programming error is never mistaken for a flaky outlet. */
export type Failure = { reason: FailureReason; message: string; stack?: string };
export function failureOf(error: unknown): Failure {
  if (error instanceof StageError) return { reason: error.reason, message: error.message };
  if (!(error instanceof Error)) return { reason: 'internal', message: String(error) };
  return { reason: 'internal', message: `${error.name}: ${error.message}`, ...(error.stack ? { stack: error.stack } : {}) };
}
