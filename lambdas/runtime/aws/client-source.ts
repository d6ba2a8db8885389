/**
 * An SDK client, or a function that builds it when it is first needed: for a client most invocations never
 * use (the Lambda client of `send`, the SQS client of the dead-letter sink), so a cold start does not build it.
 */
export type ClientSource<Client extends object> = Client | (() => Client);

/**
 * A getter for the client of `source`: the client itself, or the one the factory builds on the first call
 * and every later call returns.
 *
 * @example
 * ```ts
 * const lambda = clientOf(() => new LambdaClient({}));
 * await lambda().send(command); // built here, once
 * ```
 */
export function clientOf<Client extends object>(source: ClientSource<Client>): () => Client {
  if (typeof source !== 'function') return () => source;
  let client: Client | undefined;
  return () => {
    client ??= source();
    return client;
  };
}
