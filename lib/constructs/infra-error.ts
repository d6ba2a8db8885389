import { AgentbridgeError } from '../../lambdas/contracts/agentbridge-error.js';

/**
 * Base of every error the infrastructure code raises while the app is being built (synth time). Each
 * subclass carries a stable `code`, so a failed `cdk synth` names what is wrong in the configuration.
 */
export class InfraError extends AgentbridgeError {
  override readonly name: string = 'InfraError';
}

/** A context value (`cdk.json` or `-c key=value`) that does not have the expected shape. */
export class InvalidContextError extends InfraError {
  override readonly name = 'InvalidContextError';
  readonly key: string;

  constructor(key: string, problem: string, options?: { cause?: unknown }) {
    super('INVALID_CONTEXT', `Context "${key}" ${problem}`, options);
    this.key = key;
  }
}

/** An ASL `${placeholder}` without a value in `definitionSubstitutions`: the deployed machine would break. */
export class UnresolvedSubstitutionError extends InfraError {
  override readonly name = 'UnresolvedSubstitutionError';
  readonly definitionFile: string;
  readonly placeholders: readonly string[];

  constructor(definitionFile: string, placeholders: readonly string[]) {
    super(
      'UNRESOLVED_SUBSTITUTION',
      `${definitionFile} uses ${placeholders.map((p) => `\${${p}}`).join(', ')} without a substitution value`,
    );
    this.definitionFile = definitionFile;
    this.placeholders = placeholders;
  }
}

/** An agent or state machine that refers to something the bridge does not deploy (an agent type, a table). */
export class CatalogReferenceError extends InfraError {
  override readonly name = 'CatalogReferenceError';
  readonly entry: string;
  readonly reference: string;

  constructor(entry: string, reference: string) {
    super('CATALOG_REFERENCE', `"${entry}" refers to unknown "${reference}"`);
    this.entry = entry;
    this.reference = reference;
  }
}
