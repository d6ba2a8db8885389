import type { ToolChainDeps } from './run-chain-step.js';
import { type ChainResult, runToolChain } from './run-tool-chain.js';
import type { ToolChain } from './tool-chain.js';
import { InvalidToolChainError, UnknownToolChainError } from './tool-chain-error.js';

/**
 * The named chains an agent holds, run by name: an unknown name is an {@link UnknownToolChainError} listing
 * the chains there are.
 *
 * @example
 * ```ts
 * const runbooks = new ToolChains([restartService, scaleOut], { metrics });
 * const result = await runbooks.run('restart-service', { service: 'checkout' });
 * ```
 */
export class ToolChains {
  readonly #chains: ReadonlyMap<string, ToolChain>;
  readonly #deps: ToolChainDeps;

  constructor(chains: readonly ToolChain[], deps: ToolChainDeps = {}) {
    const byName = new Map<string, ToolChain>();
    for (const chain of chains) {
      if (byName.has(chain.name)) throw new InvalidToolChainError(chain.name, 'two chains have this name');
      byName.set(chain.name, chain);
    }
    this.#chains = byName;
    this.#deps = deps;
  }

  /** The chains' names, in the order given. */
  get names(): readonly string[] {
    return [...this.#chains.keys()];
  }

  /** The chain of this name. */
  get(name: string): ToolChain {
    const chain = this.#chains.get(name);
    if (chain === undefined) throw new UnknownToolChainError(name, this.names);
    return chain;
  }

  /** Runs the chain of this name on `input`. */
  async run(name: string, input: unknown): Promise<ChainResult> {
    return runToolChain(this.get(name), input, this.#deps);
  }
}
