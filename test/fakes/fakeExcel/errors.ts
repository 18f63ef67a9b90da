/** The shape of `OfficeExtension.Error` the adapter and the UI rely on: `code`, `message`, `debugInfo`. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation };
  }
}

export function fail(code: string, message: string, location: string): never {
  throw new FakeOfficeError(code, message, location);
}
