import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type AccountMessage,
  accountFunction,
  accountInput,
  answerOf,
  applyToAccount,
} from '../../support/exactly-once/account-function.js';
import { CRASH_POINTS, CrashingAgentStateStore, CrashPlan } from '../../support/exactly-once/crash-plan.js';
import { agentStateAdapters } from './agent-state-adapters.js';

/** Lambda's and EventBridge's redelivery, compressed: the same input again until an answer gets through. */
async function deliverUntilAnswered(invoke: () => Promise<unknown>, plan: CrashPlan): Promise<unknown> {
  for (let attempt = 1; attempt <= 200; attempt++) {
    try {
      const answer = await invoke();
      plan.at('after-answer');
      return answer;
    } catch {
      // The invocation failed or its answer was lost: it is delivered again.
    }
  }
  throw new Error('a message was never acknowledged');
}

const message: fc.Arbitrary<Omit<AccountMessage, 'id'>> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('deposit', 'withdraw', 'deposited'),
    amount: fc.integer({ min: 1, max: 50 }),
  }),
  fc.constant({ kind: 'balance' as const }),
);

/** Distinct messages, and duplicates of them inserted anywhere after their first delivery. */
const scenario = fc.record({
  messages: fc.array(message, { minLength: 1, maxLength: 10 }),
  duplicates: fc.array(fc.record({ of: fc.nat(), at: fc.nat() }), { maxLength: 10 }),
  // How many crash points each delivery passes unharmed before the next crash: crashes land anywhere.
  crashes: fc.array(fc.nat({ max: 12 }), { maxLength: 40 }),
});

const PROPERTY_RUNS = { 'in-memory': 100, DynamoDB: 25 } as const;
const totals = {
  runs: 0,
  deliveries: 0,
  duplicates: 0,
  crashPointsPassed: 0,
  injected: new Map<string, number>(),
};

describe.each(agentStateAdapters)('exactly-once delivery to a stateful agent: %s', (name, makeStore) => {
  const store = makeStore();
  const runs = PROPERTY_RUNS[name as keyof typeof PROPERTY_RUNS];

  it(`applies each distinct message once and answers every repeat with the first reply (${runs} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ messages, duplicates, crashes }) => {
        const key = randomUUID();
        const distinct: AccountMessage[] = messages.map(
          (spec, n) => ({ ...spec, id: `${key}-${n}` }) as AccountMessage,
        );
        const order = distinct.map((_, n) => n);
        for (const { of, at } of duplicates) {
          const index = of % distinct.length;
          const earliest = order.indexOf(index) + 1;
          order.splice(earliest + (at % (order.length - earliest + 1)), 0, index);
        }
        // The reference: every distinct message applied once, in the order of its first delivery.
        const model = { balance: 0 };
        const expected = distinct.map((msg) => answerOf(key, msg, applyToAccount(model, msg)));

        const plan = new CrashPlan(crashes);
        const invoke = accountFunction(new CrashingAgentStateStore(store, plan));
        for (const index of order) {
          const msg = distinct[index] as AccountMessage;
          const answer = await deliverUntilAnswered(() => invoke(accountInput(key, msg)), plan);
          expect(answer).toEqual(expected[index]);
        }
        const stored = await store.get(`account/${key}`);
        expect(stored?.state).toEqual(model);
        expect(stored?.version).toBe(distinct.length);

        totals.runs++;
        totals.deliveries += order.length;
        totals.duplicates += order.length - distinct.length;
        totals.crashPointsPassed += plan.passed;
        for (const [point, count] of plan.injected)
          totals.injected.set(point, (totals.injected.get(point) ?? 0) + count);
      }),
      { numRuns: runs },
    );
    // DynamoDB Local on a loaded machine: a run is tens of deliveries, each two calls or more.
  }, 180_000);
});

describe.each(agentStateAdapters)('concurrent deliveries to one stateful agent: %s', (_name, makeStore) => {
  const store = makeStore();

  it('serialises different messages through the version: every lost race reruns, none is lost or doubled', async () => {
    const key = randomUUID();
    const amounts = [1, 2, 4, 8, 16, 32, 64, 128];
    const invoke = accountFunction(store);
    const plan = new CrashPlan([]);
    const answers = await Promise.all(
      amounts.map((amount, n) =>
        deliverUntilAnswered(
          () => invoke(accountInput(key, { id: `${key}-${n}`, kind: 'deposit', amount })),
          plan,
        ),
      ),
    );
    const balances = answers.map((answer) => (answer as { result: { balance: number } }).result.balance);
    // Serialised: each deposit saw every earlier one, so the balances it answered step by exactly its amount.
    const byBalance = amounts
      .map((amount, n) => ({ amount, balance: balances[n] ?? 0 }))
      .sort((a, b) => a.balance - b.balance);
    let running = 0;
    for (const { amount, balance } of byBalance) {
      running += amount;
      expect(balance).toBe(running);
    }
    expect(await store.get(`account/${key}`)).toMatchObject({
      state: { balance: 255 },
      version: amounts.length,
    });
  });
});

afterAll(() => {
  const injected = CRASH_POINTS.map((point) => `${point}=${totals.injected.get(point) ?? 0}`).join(' ');
  console.info(
    `exactly-once property: ${totals.runs} runs, ${totals.deliveries} deliveries (${totals.duplicates} duplicates), ` +
      `${totals.crashPointsPassed} crash points passed, crashes injected: ${injected}`,
  );
});
