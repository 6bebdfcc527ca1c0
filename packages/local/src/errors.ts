export type LocalRuntimeErrorCode = "java_missing" | "java_too_old" | "dynamodb_failed" | "port_in_use";

/** A reason the local runtime cannot start, worded for the person running it. */
export class LocalRuntimeError extends Error {
  readonly code: LocalRuntimeErrorCode;

  constructor(code: LocalRuntimeErrorCode, message: string) {
    super(message);
    this.name = "LocalRuntimeError";
    this.code = code;
  }
}
