/**
 * How long any one AWS SDK call may take. The SDK's own default is to wait for ever: a connection
 * that opens and never answers (a stalled endpoint, a half-open socket after a network change)
 * would hold a Lambda until its own timeout, with nothing logged and no retry.
 *
 * Chosen so that a call gives up, all attempts and back-off included (3 x 3 s plus well under a
 * second), before the shortest function timeout (10 s, infra/app.ts), so the failure is ours to
 * report rather than Lambda's to kill. DynamoDB and EventBridge answer in-region in tens of
 * milliseconds, DynamoDB Local under a test run's load in well under one second.
 */
export const awsRequestLimits = {
  /** Opening the connection (TCP and TLS): milliseconds in-region, so one second means unreachable. */
  connectionTimeoutMs: 1_000,
  /** The whole attempt, from sending the request to the last byte of the answer. */
  requestTimeoutMs: 3_000,
  /** Tries per call, the first included (the SDK's default); timeouts and throttling are retried. */
  maxAttempts: 3,
} as const;

export type AwsRequestLimits = { readonly [Key in keyof typeof awsRequestLimits]: number };

/** The part of an AWS SDK v3 client's configuration that applies the limits. */
export function awsClientLimits(limits: AwsRequestLimits = awsRequestLimits) {
  return {
    maxAttempts: limits.maxAttempts,
    requestHandler: {
      connectionTimeout: limits.connectionTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Without this, the SDK only logs a warning when requestTimeout passes and keeps waiting.
      throwOnRequestTimeout: true,
    },
  };
}
