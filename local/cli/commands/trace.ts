import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { JournalEntry } from '../../cloud/local-cloud-ports.js';
import { argsOf, HELP, positional } from '../cli-args.js';
import { CliCommandError } from '../cli-errors.js';
import type { CliIo } from '../cli-io.js';
import { adminRoutes, endpointOf } from '../endpoint-client.js';
import { traceHtml } from '../trace-diagram.js';

export const TRACE_USAGE = 'agentbridge trace <orderId|correlationId> [--html file] [--endpoint url]';

/** One journal entry as a line: virtual time, service, resource, action and detail. */
export function traceLine(entry: JournalEntry): string {
  const time = new Date(entry.at).toISOString();
  const detail = entry.detail === undefined ? '' : `  ${entry.detail}`;
  return `${time}  ${entry.service.padEnd(8)} ${entry.resource.padEnd(32)} ${entry.action}${detail}`;
}

/** What happened to an order (or any id), in order, across bus, functions, queues and machines. */
export async function traceCommand(args: readonly string[], io: CliIo): Promise<void> {
  const { values, positionals } = argsOf(TRACE_USAGE, () =>
    parseArgs({
      args: [...args],
      options: { html: { type: 'string' }, endpoint: { type: 'string' }, ...HELP },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help === true) {
    io.out(`usage: ${TRACE_USAGE}`);
    io.out('Prints every journal entry of the running local cloud that names the id, oldest first;');
    io.out('--html also writes them as a Mermaid sequence diagram.');
    return;
  }
  const id = positional(positionals, 0, 'orderId|correlationId', TRACE_USAGE);
  const endpoint = endpointOf(values.endpoint, io);
  // Stable: entries of one millisecond keep the order the journal recorded them in.
  const entries = [...(await adminRoutes.journal(endpoint, id))].sort((a, b) => a.at - b.at);
  if (entries.length === 0) throw new CliCommandError(`nothing in the journal of ${endpoint} names ${id}`);
  for (const entry of entries) io.out(traceLine(entry));
  if (values.html !== undefined) {
    writeFileSync(values.html, traceHtml(`agentbridge trace ${id}`, entries));
    io.out(`wrote ${values.html}`);
  }
}
