import { parseArgs } from 'node:util';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { isAgentbridgeError } from '../../../lambdas/contracts/agentbridge-error.js';
import { argsOf, HELP, positional } from '../cli-args.js';
import { CliCommandError } from '../cli-errors.js';
import type { CliIo } from '../cli-io.js';
import { clientConfig, endpointOf } from '../endpoint-client.js';
import { loadMessageCatalog } from '../message-catalog.js';

export const PUBLISH_USAGE =
  'agentbridge publish <detail-type> <json> [--source s] [--bus b] [--messages module]… [--endpoint url]';

/**
 * Puts one event on the local cloud's bus with the real EventBridgeClient, once its detail satisfies the
 * schema of its type: an unknown type or an invalid detail is refused with the findings, and nothing is sent.
 */
export async function publishCommand(args: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = argsOf(PUBLISH_USAGE, () =>
    parseArgs({
      args: [...args],
      options: {
        source: { type: 'string' },
        bus: { type: 'string' },
        messages: { type: 'string', multiple: true },
        endpoint: { type: 'string' },
        ...HELP,
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    io.out(`usage: ${PUBLISH_USAGE}`);
    io.out('Validates <json> against the schema of <detail-type> (from the --messages modules or');
    io.out('AGENTBRIDGE_MESSAGES, comma-separated), then sends it with PutEvents to the endpoint.');
    return;
  }
  const detailType = positional(positionals, 0, 'detail-type', PUBLISH_USAGE);
  const text = positional(positionals, 1, 'json', PUBLISH_USAGE);
  const endpoint = endpointOf(values.endpoint, io);
  const modules = values.messages ?? (io.env.AGENTBRIDGE_MESSAGES ?? '').split(',').filter((m) => m !== '');
  const catalog = await loadMessageCatalog(modules);
  if (!catalog.has(detailType)) {
    throw new CliCommandError(
      `unknown message type "${detailType}"; nothing sent. Known types: ${catalog.names().sort().join(', ')}`,
    );
  }
  let detail: unknown;
  try {
    detail = JSON.parse(text);
  } catch (cause) {
    throw new CliCommandError(`the detail is not JSON (${String(cause)}); nothing sent`, { cause });
  }
  try {
    catalog.get(detailType).parse(detail);
  } catch (error) {
    if (isAgentbridgeError(error, 'MESSAGE_VALIDATION')) {
      throw new CliCommandError(`${error.message}; nothing sent`, { cause: error });
    }
    throw error;
  }
  const client = new EventBridgeClient(clientConfig(endpoint, io));
  try {
    const result = await client.send(
      new PutEventsCommand({
        Entries: [
          {
            Source: values.source ?? 'agentbridge.cli',
            DetailType: detailType,
            Detail: JSON.stringify(detail),
            EventBusName: values.bus ?? 'default',
          },
        ],
      }),
    );
    const [entry] = result.Entries ?? [];
    if ((result.FailedEntryCount ?? 0) > 0 || entry?.EventId === undefined) {
      throw new CliCommandError(
        `the bus refused the event: ${entry?.ErrorCode ?? ''} ${entry?.ErrorMessage ?? ''}`,
      );
    }
    io.out(`published ${detailType} ${entry.EventId}`);
  } catch (error) {
    if (error instanceof CliCommandError) throw error;
    throw new CliCommandError(
      `PutEvents failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      {
        cause: error,
      },
    );
  } finally {
    client.destroy();
  }
}
