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
  return error instanceof StageError ? error.reason : 'network';
}
