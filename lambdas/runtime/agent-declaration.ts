import { AgentbridgeError } from '../contracts/agentbridge-error.js';
import type { AgentDefinition } from './agent-definition.js';
import type { AgentRuntime } from './agent-runtime.js';
import type { AgentSpec } from './agent-spec.js';
import type { AgentType } from './agent-type.js';
import { agentSubscriptions } from './direct-message-subscription.js';
import { assertAgentType } from './identifiers.js';

/**
 * One agent, declared once: its type, its subscriptions (with who may send what), the resources it needs
 * (tables with actions, send targets, state machines) and how its definition is built from what its host
 * injects. The Lambda handler (`agentHandler(declaration, deps, wiring)`), the `AgentBridge` construct
 * (`addAgent(declaration, { entry })`), the in-process runtime (`registerAgent`) and the tests all read the
 * same object, so a subscription, a grant or a send target changes in one place.
 */
export interface AgentDeclaration<Deps, State = unknown> extends AgentSpec {
  /** Builds the agent's definition from what its host injects (stores, task ports, clocks, loggers). */
  readonly define: (deps: Deps) => AgentDefinition<State>;
}

/** A declaration that contradicts itself (a subscription for another agent type, a malformed send target). */
export class AgentDeclarationError extends AgentbridgeError {
  override readonly name = 'AgentDeclarationError';
  readonly agentType: string;

  constructor(agentType: string, problem: string) {
    super('INVALID_AGENT_DECLARATION', `Agent ${JSON.stringify(agentType)}: ${problem}`);
    this.agentType = agentType;
  }
}

function problemsOf(declaration: AgentDeclaration<never, unknown>): string[] {
  const { agentType } = declaration;
  const problems: string[] = [];
  if (typeof declaration.define !== 'function') problems.push('define must be a function');
  // With the direct-message prefix: declaring "<type>:" as well would deploy its rule twice.
  const subscriptions = agentSubscriptions(declaration);
  subscriptions.forEach((subscription, index) => {
    if (subscription.agentType !== agentType) {
      problems.push(`subscription ${subscription.id} delivers to ${subscription.agentType}, not to it`);
    }
    if (subscriptions.slice(0, index).some((earlier) => earlier.equals(subscription))) {
      problems.push(`subscription ${subscription.id} is declared twice (or is the direct-message prefix)`);
    }
  });
  for (const target of declaration.sendsTo ?? []) {
    try {
      assertAgentType(target);
    } catch (error) {
      problems.push(
        `send target ${JSON.stringify(target)} is not an agent type (${(error as Error).message})`,
      );
    }
  }
  return problems;
}

/**
 * Checks a declaration and returns it frozen (its lists too): the agent type is a valid identifier, every
 * subscription delivers to that type and appears once, every send target is an agent type. Throws
 * `InvalidIdentifierError` for a bad type and {@link AgentDeclarationError} for the rest, at module load.
 *
 * @example
 * ```ts
 * export const TRIAGE_AGENT = declareAgent({
 *   agentType: 'triage',
 *   subscriptions: [new TypeSubscription('TicketOpened', 'triage')],
 *   tables: [...agentFunctionTables('triage'), { table: TICKETS_TABLE, actions: ['dynamodb:PutItem'] }],
 *   sendsTo: ['assignment'],
 *   define: ({ tickets }: { tickets: TicketStore }) => triageAgent(tickets),
 * });
 * ```
 */
export function declareAgent<Deps, State>(
  declaration: AgentDeclaration<Deps, State>,
): AgentDeclaration<Deps, State> {
  assertAgentType(declaration.agentType);
  const problems = problemsOf(declaration as AgentDeclaration<never, unknown>);
  if (problems.length > 0) throw new AgentDeclarationError(declaration.agentType, problems.join('; '));
  const frozen = <T>(list: readonly T[]): readonly T[] => Object.freeze([...list]);
  return Object.freeze({
    ...declaration,
    ...(declaration.subscriptions && { subscriptions: frozen(declaration.subscriptions) }),
    ...(declaration.tables && { tables: frozen(declaration.tables) }),
    ...(declaration.sendsTo && { sendsTo: frozen(declaration.sendsTo) }),
    ...(declaration.stateMachines && { stateMachines: frozen(declaration.stateMachines) }),
  });
}

/**
 * Registers a declared agent on any runtime, as its Lambda function hosts it: the type with the definition
 * built from `deps`, then each of its subscriptions and its direct-message prefix `"<type>:"` (unless the
 * declaration skips it), exactly the subscriptions its deployment has a rule for.
 *
 * @example
 * ```ts
 * const runtime = new InProcessRuntime();
 * await registerAgent(runtime, TRIAGE_AGENT, { tickets: new InMemoryTicketStore() });
 * ```
 */
export async function registerAgent<Deps, State>(
  runtime: AgentRuntime,
  declaration: AgentDeclaration<Deps, State>,
  deps: NoInfer<Deps>,
): Promise<AgentType> {
  const registered = await runtime.register(
    declaration.agentType,
    declaration.define(deps) as AgentDefinition<unknown>,
    // Added below with the others, carrying the declaration's direct-message senders.
    { skipDirectMessageSubscription: true },
  );
  for (const subscription of agentSubscriptions(declaration)) await runtime.addSubscription(subscription);
  return registered;
}
