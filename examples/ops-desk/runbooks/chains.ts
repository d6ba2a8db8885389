import { defineToolChain, type ToolChain } from 'agentbridge/patterns';
import type { runbookTools } from './tools.js';

type Tools = ReturnType<typeof runbookTools>;
const cpuOf = (input: unknown): number => Number((input as { cpuPercent?: unknown }).cpuPercent ?? 0);

/**
 * The desk's runbooks as tool chains:
 * - `restart-service`: drain, restart, check health (retried with backoff while the service warms up),
 *   restore traffic — each output feeding the next;
 * - `scale-out`: by the CPU the caller saw, two instances at 85 % and above, one at 70 % and above, else a
 *   look at the fleet only;
 * - `collect-diagnostics`: fleet state and deploy history at once, whatever of them answers.
 */
export function runbookChains(tools: Tools): ToolChain[] {
  return [
    defineToolChain({
      name: 'restart-service',
      description: 'Restarts a service without failing requests',
      strategy: 'sequential',
      onError: 'retry',
      retry: { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 1_000 },
      steps: [
        { tool: tools.drainTraffic },
        { tool: tools.restartService },
        { tool: tools.checkHealth },
        { tool: tools.restoreTraffic },
      ],
    }),
    defineToolChain({
      name: 'scale-out',
      description: 'Adds capacity to a service by how busy it is',
      strategy: 'conditional',
      steps: [
        {
          name: 'add-two',
          tool: tools.scaleOut,
          when: ({ input }) => cpuOf(input) >= 85,
          input: ({ input }) => ({ ...(input as object), by: 2 }),
        },
        {
          name: 'add-one',
          tool: tools.scaleOut,
          when: ({ input }) => cpuOf(input) >= 70,
          input: ({ input }) => ({ ...(input as object), by: 1 }),
        },
        { name: 'no-change', tool: tools.fleetState },
      ],
    }),
    defineToolChain({
      name: 'collect-diagnostics',
      description: 'Gathers what the desk knows about a service',
      strategy: 'parallel',
      onError: 'continue',
      steps: [{ tool: tools.fleetState }, { tool: tools.deployHistory }],
    }),
  ];
}
