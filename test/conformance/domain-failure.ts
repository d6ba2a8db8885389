/** A typed business error the conformance agents throw, to check errors cross the runtime intact. */
export class DomainFailureError extends Error {
  readonly code: string;

  constructor(code: string) {
    super(`domain failure ${code}`);
    this.name = 'DomainFailureError';
    this.code = code;
  }
}
