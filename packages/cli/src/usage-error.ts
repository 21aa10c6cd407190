/** Bad command-line usage: printed as error[E_USAGE] (or a more precise code), exit 2. */
export class UsageError extends Error {
  readonly hint: string | undefined;

  constructor(
    message: string,
    hint?: string,
    readonly code: string = "E_USAGE",
  ) {
    super(message);
    this.name = "UsageError";
    this.hint = hint;
  }
}
