import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { agentFunctionTables } from '../../../lambdas/contracts/table-access.js';
import { AGENT_STATE_TABLE } from '../../../lambdas/contracts/tables/agent-state-table.js';
import { IDEMPOTENCY_TABLE } from '../../../lambdas/contracts/tables/idempotency-table.js';
import { TypeSubscription } from '../../../lambdas/runtime/type-subscription.js';
import { AgentBridge } from '../../../lib/constructs/agent-bridge.js';
import {
  ensureBundledCdkOut,
  readCdkTemplate,
  resourcesOfType,
} from '../../../local/cdk-out/cdk-out-template.js';
import { loadLocalDeployment } from '../../../local/cloud/load-local-deployment.js';
import type { LocalDeployment } from '../../../local/cloud/local-deployment.js';
import { formatNotModelled } from '../../../local/cloud/not-modelled.js';
import { ECHO_ASL, ECHO_ENTRY } from '../../infra/support/constructs-under-test.js';

interface RawTarget {
  readonly Id: string;
  readonly RetryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number };
}

/** Every reference of the model points at something the model has, and nothing is left unresolved. */
const expectClosed = (deployment: LocalDeployment): void => {
  const queues = new Set(deployment.queues.map((queue) => queue.arn));
  const functions = new Set(deployment.functions.map((fn) => fn.name));
  for (const rule of deployment.rules) {
    for (const target of rule.targets) {
      expect(target.destination.kind).not.toBe('external');
      expect(target.deadLetterQueue?.kind, `${rule.logicalId} ${target.id}`).toBe('queue');
      expect(queues.has(target.deadLetterQueue?.arn ?? '')).toBe(true);
    }
  }
  for (const config of deployment.eventInvokeConfigs) {
    expect(functions.has(config.functionName)).toBe(true);
    expect(queues.has(config.onFailure?.arn ?? '')).toBe(true);
  }
  for (const fn of deployment.functions) {
    expect(fn.code.kind === 'directory' && existsSync(join(fn.code.dir, 'index.mjs')), fn.name).toBe(true);
    expect(Object.values(fn.environment).filter((value) => value.includes('unresolved:'))).toEqual([]);
  }
  for (const machine of deployment.stateMachines)
    expect(JSON.stringify(machine.definition)).not.toContain('${');
  expect(deployment.notModelled.filter((entry) => entry.disposition === 'unsupported')).toEqual([]);
};

describe('the order system cdk.out, loaded', () => {
  let dir = '';
  let deployment: LocalDeployment;

  beforeAll(() => {
    dir = ensureBundledCdkOut();
    deployment = loadLocalDeployment(dir);
    console.log(
      ['Not modelled by the local cloud:', ...formatNotModelled(deployment.notModelled)].join('\n  '),
    );
  }, 600_000);

  it('has every resource kind the stack declares, counted', () => {
    const counts = Object.fromEntries(
      Object.entries(deployment).flatMap(([kind, items]) =>
        Array.isArray(items) ? [[kind, items.length]] : [],
      ),
    );
    expect(counts).toMatchObject({
      tables: 10,
      eventBuses: 2,
      rules: 11,
      queues: 15,
      functions: 9,
      eventInvokeConfigs: 9,
      eventSourceMappings: 2,
      stateMachines: 2,
    });
  });

  it('links every rule, async configuration and bundle to the deployment, with nothing unsupported', () => {
    expectClosed(deployment);
  });

  it("keeps every rule target's retry policy as declared", () => {
    const template = readCdkTemplate(dir);
    for (const { logicalId, resource } of resourcesOfType(template, 'AWS::Events::Rule')) {
      const rule = deployment.rules.find((candidate) => candidate.logicalId === logicalId);
      for (const raw of (resource.Properties?.Targets ?? []) as RawTarget[]) {
        expect(rule?.targets.find((target) => target.id === raw.Id)?.retryPolicy).toEqual({
          maximumRetryAttempts: raw.RetryPolicy?.MaximumRetryAttempts,
          maximumEventAgeSeconds: raw.RetryPolicy?.MaximumEventAgeInSeconds,
        });
      }
    }
  });

  it('resolves both state machines to parsed definitions whose tasks call functions of the deployment', () => {
    const arns = new Set(deployment.functions.map((fn) => fn.arn));
    expect(deployment.stateMachines.map((machine) => [machine.name, machine.type])).toEqual([
      ['AgentBridge-order-saga', 'EXPRESS'],
      ['AgentBridge-order-lifecycle', 'STANDARD'],
    ]);
    for (const machine of deployment.stateMachines) {
      const called = [...JSON.stringify(machine.definition).matchAll(/"FunctionName":"([^"]+)"/g)].map(
        (m) => m[1],
      );
      expect(called.length).toBeGreaterThan(0);
      expect(called.filter((arn) => !arns.has(arn ?? ''))).toEqual([]);
    }
  });

  it('declares streams and TTL on the tables as the template does', () => {
    const template = readCdkTemplate(dir);
    for (const { logicalId, resource } of resourcesOfType(template, 'AWS::DynamoDB::Table')) {
      const properties = resource.Properties ?? {};
      const stream = properties.StreamSpecification as { StreamViewType: string } | undefined;
      const ttl = properties.TimeToLiveSpecification as { AttributeName: string } | undefined;
      const table = deployment.tables.find((candidate) => candidate.logicalId === logicalId);
      expect([table?.stream?.viewType, table?.timeToLiveAttribute]).toEqual([
        stream?.StreamViewType,
        ttl?.AttributeName,
      ]);
    }
    const streamed = deployment.tables
      .filter((table) => table.stream !== undefined)
      .map((table) => table.tableName);
    expect(deployment.eventSourceMappings.map((mapping) => mapping.source.name)).toEqual(
      streamed.concat(streamed),
    );
  });
});

describe('a stack of its own built with AgentBridge, loaded', () => {
  let deployment: LocalDeployment;

  beforeAll(() => {
    const outdir = mkdtempSync(join(tmpdir(), 'agentbridge-helpdesk-'));
    const app = new App({ outdir });
    const bridge = new AgentBridge(new Stack(app, 'Helpdesk'), 'Helpdesk', { namePrefix: 'helpdesk' });
    for (const table of [IDEMPOTENCY_TABLE, AGENT_STATE_TABLE]) bridge.addTable(table);
    bridge.addAgent(
      {
        agentType: 'triage',
        subscriptions: [new TypeSubscription('TicketOpened', 'triage')],
        tables: agentFunctionTables('triage'),
      },
      { entry: ECHO_ENTRY },
    );
    bridge.addStateMachine('echo', {
      definitionFile: ECHO_ASL,
      type: 'STANDARD',
      eventSource: 'agentbridge.echo',
      placeholders: {
        EchoFunctionArn: { kind: 'functionArn', agentType: 'triage' },
        EventBusName: { kind: 'eventBusName' },
      },
    });
    app.synth();
    deployment = loadLocalDeployment(outdir);
  }, 120_000);

  it('runs its one agent from its own bundle, subscribed by a rule with a dead-letter queue', () => {
    expect(deployment.functions.map((fn) => fn.name)).toEqual(['helpdesk-triage']);
    // Its subscription's rule and its direct-message prefix's ("triage:"), both to its function.
    expect(deployment.rules.flatMap((rule) => rule.targets.map((target) => target.destination.name))).toEqual(
      ['helpdesk-triage', 'helpdesk-triage'],
    );
    expectClosed(deployment);
  });

  it('resolves its machine to call the agent and publish on its bus', () => {
    const [machine] = deployment.stateMachines;
    const bus = deployment.eventBuses.find((candidate) => candidate.origin !== undefined);
    expect(machine?.name).toBe('helpdesk-echo');
    expect(machine?.definition).toMatchObject({
      States: {
        Echo: { Parameters: { FunctionName: deployment.functions[0]?.arn } },
        Announce: { Parameters: { Entries: [{ EventBusName: bus?.name }] } },
      },
    });
  });
});
