import { describe, expect, it } from 'vitest';
import { sagaStartRecordId } from '../../../../lambdas/agents/saga-starter/saga-start-record.js';
import { Crash, startSagaStarter } from './saga-starter-fixture.js';

/**
 * The starter's three steps are: create the `starting` record (put 1), StartExecution, mark `started` (put
 * 2). A crash can come before or after each; the event is then delivered again. Whatever the window, the
 * order gets a saga, every execution of it carries the same saga id and input (so its idempotent steps run
 * once in effect), and a delivery after `started` starts nothing.
 */
type Window = {
  readonly name: string;
  readonly arm: (s: Awaited<ReturnType<typeof startSagaStarter>>) => void;
  /** Executions after the crashed delivery and one redelivery. */
  readonly executions: number;
  /** Whether the crashed delivery itself failed (and so is redelivered by Lambda/EventBridge). */
  readonly crashed: boolean;
};

const WINDOWS: Window[] = [
  {
    name: 'before the starting record',
    arm: (s) => {
      s.records.crashAt = { put: 1, when: 'before' };
    },
    executions: 1,
    crashed: true,
  },
  {
    name: 'after the starting record, before StartExecution',
    arm: (s) => {
      s.records.crashAt = { put: 1, when: 'after' };
    },
    executions: 1,
    crashed: true,
  },
  {
    name: 'in StartExecution, before it started',
    arm: (s) => {
      s.starter.crash = 'before';
    },
    executions: 1,
    crashed: true,
  },
  {
    name: 'after StartExecution started, before its answer',
    arm: (s) => {
      s.starter.crash = 'after';
    },
    executions: 2,
    crashed: true,
  },
  {
    name: 'before the started mark',
    arm: (s) => {
      s.records.crashAt = { put: 2, when: 'before' };
    },
    executions: 2,
    crashed: false,
  },
  {
    name: 'after the started mark',
    arm: (s) => {
      s.records.crashAt = { put: 2, when: 'after' };
    },
    executions: 1,
    crashed: false,
  },
];

describe.each(WINDOWS)('saga starter: a crash $name', ({ arm, executions, crashed }) => {
  it(`leaves the order with a saga after a redelivery (${executions} execution(s), one saga id), and a third delivery starts nothing`, async () => {
    const s = await startSagaStarter();
    arm(s);
    await s.deliver();
    expect(s.errors.some((error) => error instanceof Crash)).toBe(crashed);
    await s.deliver();
    await s.deliver();

    expect(s.starter.started).toHaveLength(executions);
    const record = (await s.records.get(sagaStartRecordId('o-1')))?.state as {
      status: string;
      sagaId: string;
    };
    expect(record.status).toBe('started');
    const inputs = new Set(s.starter.started.map(({ input }) => JSON.stringify(input)));
    expect(inputs.size).toBe(1);
    expect(s.starter.started[0]?.input).toMatchObject({ orderId: 'o-1', sagaId: record.sagaId });
  });
});
