import { randomUUID } from 'node:crypto';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { describe, expect, it } from 'vitest';
import { AGENT_STATE_TABLE } from '../../../lambdas/contracts/tables/agent-state-table.js';
import { IDEMPOTENCY_TABLE } from '../../../lambdas/contracts/tables/idempotency-table.js';
import { DynamoDbAgentStateStore } from '../../../lambdas/stores/agent-state/dynamodb/dynamodb-agent-state-store.js';
import { testDynamoClients } from '../../support/dynamodb.js';
import {
  type AccountMessage,
  accountFunction,
  accountInput,
} from '../../support/exactly-once/account-function.js';

/** Counts the commands a client sends, by command name. */
function counting<C extends object>(client: C, counts: Map<string, number>): C {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'send' || typeof value !== 'function') return value;
      return (command: object, ...rest: unknown[]) => {
        const name = command.constructor.name;
        counts.set(name, (counts.get(name) ?? 0) + 1);
        return value.call(target, command, ...rest);
      };
    },
  });
}

const WRITES = /^(Put|Update|Delete|TransactWrite|BatchWrite)/;
const sum = (counts: Map<string, number>, pattern: RegExp): number =>
  [...counts].reduce((total, [name, count]) => (pattern.test(name) ? total + count : total), 0);

describe('DynamoDB calls per delivered message to a stateful agent (DynamoDB Local, production wiring)', () => {
  it('writes once per message: the state item, which is also its dedup record; the idempotency table never', async () => {
    const { client, documentClient } = testDynamoClients();
    const [stateCalls, idempotencyCalls] = [new Map<string, number>(), new Map<string, number>()];
    const invoke = accountFunction(
      new DynamoDbAgentStateStore({
        documentClient: counting(documentClient, stateCalls),
        tableName: AGENT_STATE_TABLE.localName,
      }),
      new DynamoDBPersistenceLayer({
        tableName: IDEMPOTENCY_TABLE.localName,
        awsSdkV3Client: counting(client, idempotencyCalls),
      }),
    );
    const key = randomUUID();
    const kinds = ['deposit', 'deposited', 'withdraw', 'balance'] as const;
    const messages: AccountMessage[] = Array.from({ length: 20 }, (_, n) => {
      const kind = kinds[n % kinds.length] ?? 'deposit';
      return kind === 'balance' ? { id: `${key}-${n}`, kind } : { id: `${key}-${n}`, kind, amount: 5 };
    });
    for (const message of messages) await invoke(accountInput(key, message));
    const perMessage = {
      stateWrites: sum(stateCalls, WRITES) / messages.length,
      stateReads: sum(stateCalls, /^Get/) / messages.length,
      idempotencyWrites: sum(idempotencyCalls, WRITES) / messages.length,
    };
    console.info(`DynamoDB calls per delivered message to a stateful agent: ${JSON.stringify(perMessage)}`);
    expect(perMessage).toEqual({ stateWrites: 1, stateReads: 1, idempotencyWrites: 0 });
  });
});
