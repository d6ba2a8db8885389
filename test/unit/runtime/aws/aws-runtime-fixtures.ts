import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import * as z from 'zod';
import { defineMessage } from '../../../../lambdas/contracts/message-type.js';
import type { AwsRuntimeConfig } from '../../../../lambdas/runtime/aws/aws-runtime-config.js';

/** Message types and a configuration shared by the AWS runtime unit tests. */
export const Charge = defineMessage('test.Charge', z.object({ amount: z.number().positive() }), {
  response: z.object({ receipt: z.string() }),
});
export const Charged = defineMessage('test.Charged', z.object({ amount: z.number() }));

const settings = { region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'y' } };
export const testClients = (): { eventBridge: EventBridgeClient; lambda: LambdaClient } => ({
  eventBridge: new EventBridgeClient(settings),
  lambda: new LambdaClient(settings),
});

export const testConfig = (overrides: Partial<AwsRuntimeConfig> = {}): AwsRuntimeConfig => ({
  eventBusName: 'agentbridge-bus',
  source: 'agentbridge.orders',
  agentFunctions: new Map([['cashier', 'cashier-fn']]),
  sendTimeoutMs: 1_000,
  ...overrides,
});
