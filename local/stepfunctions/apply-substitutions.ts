import { InvalidDefinitionError } from './local-step-functions-error.js';

const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

/**
 * Resolves the `${Name}` placeholders of an ASL text the way CloudFormation's `DefinitionSubstitutions`
 * does (plain text replacement before parsing), then parses it. A placeholder without a value is an
 * {@link InvalidDefinitionError}, never left in for the engine to trip over at run time.
 *
 * @example
 * ```ts
 * applySubstitutions('saga', aslText, { EventBusName: 'agentbridge-local' });
 * ```
 */
export function applySubstitutions(
  stateMachineName: string,
  definition: string,
  substitutions: Readonly<Record<string, string>>,
): unknown {
  const missing = new Set<string>();
  const resolved = definition.replace(PLACEHOLDER, (text, name: string) => {
    const value = substitutions[name];
    if (value === undefined) {
      missing.add(name);
      return text;
    }
    // Values land inside JSON strings: escape them as JSON would.
    return JSON.stringify(value).slice(1, -1);
  });
  if (missing.size > 0) {
    throw new InvalidDefinitionError(stateMachineName, [`no value for \${${[...missing].join('}, ${')}}`]);
  }
  try {
    return JSON.parse(resolved);
  } catch (error) {
    throw new InvalidDefinitionError(stateMachineName, ['the definition is not JSON'], { cause: error });
  }
}
