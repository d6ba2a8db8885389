import type * as z from 'zod';
import { MessageValidationError } from './message-validation-error.js';

/**
 * A message type: a zod schema registered under a stable name. The name is the EventBridge
 * `detail-type`, the key handlers are routed by, and the `metadata.type` on the wire.
 *
 * `Response` is the reply type of an rpc (`send`) of this message; it is `unknown` unless the
 * definition names a response schema.
 *
 * @example
 * ```ts
 * const Greet = defineMessage('Greet', z.object({ name: z.string() }), { response: z.object({ text: z.string() }) });
 * type Greet = MessageOf<typeof Greet>; // { name: string }
 * ```
 */
export interface MessageType<Name extends string = string, T = unknown, Response = unknown> {
  readonly name: Name;
  readonly schema: z.ZodType<T>;
  readonly response: z.ZodType<Response> | undefined;
  /** Validates unknown input (a Lambda event, a CLI argument); throws {@link MessageValidationError}. */
  parse(input: unknown): T;
}

/** The payload type of a message type. */
export type MessageOf<M> = M extends MessageType<string, infer T, unknown> ? T : never;
/** The rpc reply type of a message type. */
export type ResponseOf<M> = M extends MessageType<string, unknown, infer R> ? R : never;

/** Type names travel as EventBridge detail-types: 1–128 characters, no control characters. */
const TYPE_NAME = /^[A-Za-z][\w.:-]{0,127}$/;

/**
 * Defines a message type from a zod schema. The TypeScript type is inferred from the schema, so it is
 * never written twice.
 */
export function defineMessage<
  const Name extends string,
  S extends z.ZodType,
  R extends z.ZodType = z.ZodUnknown,
>(name: Name, schema: S, options: { response?: R } = {}): MessageType<Name, z.output<S>, z.output<R>> {
  if (!TYPE_NAME.test(name)) {
    throw new TypeError(
      `Invalid message type name "${name}": letters, digits, "_", ".", ":" or "-", max 128`,
    );
  }
  return {
    name,
    schema: schema as z.ZodType<z.output<S>>,
    response: options.response as z.ZodType<z.output<R>> | undefined,
    parse(input: unknown): z.output<S> {
      const result = schema.safeParse(input);
      if (!result.success) throw new MessageValidationError(name, result.error);
      return result.data as z.output<S>;
    },
  };
}
