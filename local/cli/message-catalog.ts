import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageRegistry } from '../../lambdas/contracts/message-registry.js';
import type { MessageType } from '../../lambdas/contracts/message-type.js';
import { CliCommandError, CliUsageError } from './cli-errors.js';

const isMessageType = (value: unknown): value is MessageType<string, never, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { name?: unknown }).name === 'string' &&
  typeof (value as { parse?: unknown }).parse === 'function' &&
  typeof (value as { schema?: unknown }).schema === 'object';

/**
 * The message types `publish` validates with: every `MessageType` (from `defineMessage`) and every
 * `MessageRegistry` the given modules export, e.g. the module of a stack's contracts.
 */
export async function loadMessageCatalog(modules: readonly string[]): Promise<MessageRegistry> {
  if (modules.length === 0) {
    throw new CliUsageError(
      'no message types to validate with: pass --messages <module> (a module exporting defineMessage types) or set AGENTBRIDGE_MESSAGES',
    );
  }
  const registry = new MessageRegistry();
  for (const module of modules) {
    let exported: Record<string, unknown>;
    try {
      exported = (await import(pathToFileURL(resolve(module)).href)) as Record<string, unknown>;
    } catch (cause) {
      throw new CliCommandError(`cannot load the message module ${module}: ${String(cause)}`, { cause });
    }
    for (const value of Object.values(exported)) {
      if (isMessageType(value)) registry.add(value);
      else if (value instanceof MessageRegistry) {
        for (const name of value.names())
          registry.add(value.get(name) as MessageType<string, never, unknown>);
      }
    }
  }
  return registry;
}
