import type { CdkTemplate, TemplateResource } from '../cdk-out/cdk-out-template.js';
import { CdkOutError } from './cdk-out-error.js';
import type { LocalIdentity } from './local-identity.js';
import type { NotModelledEntry } from './not-modelled.js';
import { NO_VALUE, parameterValue, pseudoParameter } from './pseudo-parameters.js';
import { nameProperty, type ResourceReference, resourceReference } from './resource-references.js';

/** Where a value is resolved: the resource it belongs to, for errors and the not-modelled list. */
export interface ResolveSite {
  readonly logicalId: string;
  readonly type: string;
}

/** What one stack's values are resolved against. */
export interface ResolverScope {
  readonly stackName: string;
  readonly template: CdkTemplate;
  readonly identity: LocalIdentity;
  /** Values for template parameters, over their defaults. */
  readonly parameters: Readonly<Record<string, string>>;
  /** `Export.Name` → value of the stacks resolved before this one, for `Fn::ImportValue`. */
  readonly exports: ReadonlyMap<string, unknown>;
  readonly report: (entry: NotModelledEntry) => void;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const text = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

/**
 * Resolves CloudFormation intrinsics of one stack to local values: `Ref`, `Fn::GetAtt`, `Fn::Join`,
 * `Fn::Sub` (both forms), `Fn::Select`, `Fn::Split`, `Fn::If` with the template's conditions,
 * `Fn::FindInMap`, `Fn::ImportValue`, `Fn::GetAZs`, `Fn::Base64`, the pseudo parameters and CDK's asset
 * parameters. A reference to nothing is a {@link CdkOutError}; an intrinsic or attribute it cannot resolve is
 * reported (not modelled) and replaced by a visible `unresolved:` stand-in.
 */
export class TemplateResolver {
  readonly #scope: ResolverScope;
  readonly #references = new Map<string, ResourceReference>();
  readonly #conditions = new Map<string, boolean>();
  readonly #naming = new Set<string>();

  constructor(scope: ResolverScope) {
    this.#scope = scope;
  }

  /** Whether the resource exists: it has no `Condition`, or its condition is true. */
  exists(resource: TemplateResource): boolean {
    return resource.Condition === undefined || this.condition(resource.Condition);
  }

  /** The local name, `Ref` and attributes of a resource (names resolved first, cycles refused). */
  reference(logicalId: string, site: ResolveSite): ResourceReference {
    const known = this.#references.get(logicalId);
    if (known !== undefined) return known;
    const resource = this.#scope.template.Resources[logicalId];
    if (resource === undefined || !this.exists(resource)) {
      throw new CdkOutError(
        'DANGLING_REFERENCE',
        `${site.logicalId} refers to ${logicalId}, which is not in the template`,
        { logicalId: site.logicalId },
      );
    }
    if (this.#naming.has(logicalId)) {
      throw new CdkOutError('CDK_OUT_INVALID', `the name of ${logicalId} depends on itself`, { logicalId });
    }
    this.#naming.add(logicalId);
    const self = { logicalId, type: resource.Type };
    const properties = resource.Properties ?? {};
    const property = nameProperty(resource.Type);
    const explicit = property === undefined ? undefined : this.resolve(properties[property], self);
    const bus =
      resource.Type === 'AWS::Events::Rule' ? this.resolve(properties.EventBusName, self) : undefined;
    const reference = resourceReference(
      resource.Type,
      { stackName: this.#scope.stackName, logicalId },
      typeof explicit === 'string' ? explicit : undefined,
      this.#scope.identity,
      {
        fifo: String(this.resolve(properties.FifoQueue, self)) === 'true',
        eventBusName: typeof bus === 'string' ? (bus.split('event-bus/')[1] ?? bus) : 'default',
      },
    );
    this.#naming.delete(logicalId);
    this.#references.set(logicalId, reference);
    return reference;
  }

  /** The value with every intrinsic resolved; `undefined` for `AWS::NoValue`. */
  resolve(value: unknown, site: ResolveSite): unknown {
    const resolved = this.#resolve(value, site);
    return resolved === NO_VALUE ? undefined : resolved;
  }

  /** The value of a named condition of the template. */
  condition(name: string): boolean {
    const known = this.#conditions.get(name);
    if (known !== undefined) return known;
    const expression = this.#scope.template.Conditions?.[name];
    if (expression === undefined) {
      throw new CdkOutError('DANGLING_REFERENCE', `condition ${name} is not in the template`);
    }
    const value = this.#evaluate(expression, { logicalId: name, type: 'Condition' });
    this.#conditions.set(name, value);
    return value;
  }

  #evaluate(expression: unknown, site: ResolveSite): boolean {
    if (typeof expression === 'boolean') return expression;
    if (isRecord(expression)) {
      const [[key, argument] = []] = Object.entries(expression);
      const list = Array.isArray(argument) ? argument : [argument];
      switch (key) {
        case 'Fn::Equals':
          return text(this.resolve(list[0], site)) === text(this.resolve(list[1], site));
        case 'Fn::And':
          return list.every((item) => this.#evaluate(item, site));
        case 'Fn::Or':
          return list.some((item) => this.#evaluate(item, site));
        case 'Fn::Not':
          return !this.#evaluate(list[0], site);
        case 'Condition':
          return this.condition(String(argument));
      }
    }
    throw new CdkOutError(
      'CDK_OUT_INVALID',
      `${site.logicalId}: not a condition: ${JSON.stringify(expression)}`,
    );
  }

  #resolve(value: unknown, site: ResolveSite): unknown {
    if (Array.isArray(value)) {
      return value.map((item) => this.#resolve(item, site)).filter((item) => item !== NO_VALUE);
    }
    if (!isRecord(value)) return value;
    const keys = Object.keys(value);
    const [key] = keys;
    if (keys.length === 1 && key !== undefined && (key === 'Ref' || key.startsWith('Fn::'))) {
      return this.#intrinsic(key, value[key], site);
    }
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) {
      const resolved = this.#resolve(item, site);
      if (resolved !== NO_VALUE) out[name] = resolved;
    }
    return out;
  }

  #intrinsic(name: string, argument: unknown, site: ResolveSite): unknown {
    const list = (): unknown[] => {
      const resolved = this.#resolve(argument, site);
      return Array.isArray(resolved) ? resolved : [resolved];
    };
    switch (name) {
      case 'Ref':
        return this.#ref(String(argument), site);
      case 'Fn::GetAtt': {
        const [id, ...attribute] = Array.isArray(argument)
          ? argument.map(String)
          : String(argument).split('.');
        return this.#getAtt(id ?? '', attribute.join('.'), site);
      }
      case 'Fn::Join': {
        const [delimiter, items] = Array.isArray(argument) ? argument : [];
        const parts = this.#resolve(items, site);
        return (Array.isArray(parts) ? parts : [parts]).map(text).join(String(delimiter ?? ''));
      }
      case 'Fn::Sub':
        return this.#sub(argument, site);
      case 'Fn::Select': {
        const [index, items] = list();
        const element = Array.isArray(items) ? items[Number(index)] : undefined;
        if (element === undefined) {
          throw new CdkOutError(
            'CDK_OUT_INVALID',
            `${site.logicalId}: Fn::Select index ${text(index)} is out of range`,
            { logicalId: site.logicalId },
          );
        }
        return element;
      }
      case 'Fn::Split': {
        const [delimiter, source] = list();
        return text(source).split(text(delimiter));
      }
      case 'Fn::If': {
        const [condition, whenTrue, whenFalse] = Array.isArray(argument) ? argument : [];
        return this.#resolve(this.condition(String(condition)) ? whenTrue : whenFalse, site);
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = list().map(text);
        const found = this.#scope.template.Mappings?.[map ?? '']?.[top ?? '']?.[second ?? ''];
        if (found === undefined) {
          throw new CdkOutError(
            'DANGLING_REFERENCE',
            `${site.logicalId}: Fn::FindInMap ${map}.${top}.${second} is not in the template`,
            { logicalId: site.logicalId },
          );
        }
        return found;
      }
      case 'Fn::ImportValue': {
        const exportName = text(this.#resolve(argument, site));
        if (!this.#scope.exports.has(exportName)) {
          throw new CdkOutError(
            'DANGLING_REFERENCE',
            `${site.logicalId} imports ${exportName}, which no stack of the cloud assembly exports`,
            { logicalId: site.logicalId },
          );
        }
        return this.#scope.exports.get(exportName);
      }
      case 'Fn::GetAZs':
        return ['a', 'b', 'c'].map((zone) => `${this.#scope.identity.region}${zone}`);
      case 'Fn::Base64':
        return Buffer.from(text(this.#resolve(argument, site))).toString('base64');
      case 'Fn::ToJsonString':
        return JSON.stringify(this.#resolve(argument, site));
      case 'Fn::Length':
        return list().length;
      default:
        this.#unresolved(site, name, 'this intrinsic is not resolved locally');
        return `unresolved:${name}`;
    }
  }

  #ref(name: string, site: ResolveSite): unknown {
    const pseudo = pseudoParameter(name, this.#scope.identity, this.#scope.stackName);
    if (pseudo !== undefined) return pseudo;
    const parameter = this.#scope.template.Parameters?.[name];
    if (parameter === undefined) return this.reference(name, site).ref;
    const value = parameterValue(name, parameter, this.#scope.parameters, site);
    if (parameter.Type.startsWith('AWS::SSM::Parameter') && this.#scope.parameters[name] === undefined) {
      this.#unresolved(
        site,
        `Ref ${name}`,
        'SSM parameters are not read locally: the parameter name is used as its value',
      );
    }
    return value;
  }

  #getAtt(id: string, attribute: string, site: ResolveSite): string {
    const reference = this.reference(id, site);
    const value = reference.attributes[attribute];
    if (value !== undefined) return value;
    this.#unresolved(
      site,
      `Fn::GetAtt ${id}.${attribute}`,
      `no local value for ${reference.type}.${attribute}`,
    );
    return `unresolved:${id}.${attribute}`;
  }

  #sub(argument: unknown, site: ResolveSite): string {
    const [template, variables] = Array.isArray(argument) ? argument : [argument, {}];
    const values = isRecord(variables) ? variables : {};
    return String(template).replace(/\$\{([^}]*)\}/g, (_whole, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
      if (inner in values) return text(this.#resolve(values[inner], site));
      const dot = inner.indexOf('.');
      if (dot > 0 && !inner.startsWith('AWS::'))
        return this.#getAtt(inner.slice(0, dot), inner.slice(dot + 1), site);
      return text(this.#ref(inner, site));
    });
  }

  #unresolved(site: ResolveSite, what: string, reason: string): void {
    this.#scope.report({
      stackName: this.#scope.stackName,
      ...site,
      what,
      reason,
      disposition: 'unsupported',
    });
  }
}
