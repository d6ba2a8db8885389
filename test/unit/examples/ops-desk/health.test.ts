import { describe, expect, it } from 'vitest';
import {
  DESK_HEALTH,
  type DeskRegister,
  deskHealthSources,
  type RegisteredIncident,
} from '../../../../examples/ops-desk/health/agents.js';
import { MetricsCollector } from '../../../../lambdas/patterns/metrics/metrics-collector.js';
import { ManualClock } from '../../../support/manual-clock.js';

const NOW = Date.UTC(2026, 11, 2, 12, 0);

/** A register in memory that counts its reads and can fail the next ones. */
const registerOf = (incidents: RegisteredIncident[], taken: string[] = []) => {
  let reads = 0;
  let failures = 0;
  const register: DeskRegister = {
    incidents: async () => {
      reads += 1;
      if (failures > 0) {
        failures -= 1;
        throw new Error('register unavailable');
      }
      return incidents;
    },
    taken: async () => new Set(taken),
  };
  const failNext = (count: number) => {
    failures = count;
  };
  return { register, reads: () => reads, failNext };
};
const incident = (id: string, minutesAgo: number, enrichmentFailed = false): RegisteredIncident => ({
  incidentId: id,
  observedAt: new Date(NOW - minutesAgo * 60_000).toISOString(),
  enrichmentFailed,
});

describe('the desk’s health collector', () => {
  const collect = async (register: DeskRegister, clock = new ManualClock(NOW)) => {
    const collector = new MetricsCollector({
      declaration: DESK_HEALTH,
      sources: deskHealthSources(register, clock),
      clock,
      sleep: async (ms) => clock.advanceMs(ms),
    });
    const report = await collector.collect();
    return { report, collector, values: Object.fromEntries(report.samples.map((s) => [s.metric, s.value])) };
  };

  it('counts the incidents no responder has taken, the longest wait among them and the enrichment failures', async () => {
    const { register, reads } = registerOf(
      [incident('a', 20, true), incident('b', 5), incident('c', 2), incident('d', 1)],
      ['a', 'd'],
    );
    const { values } = await collect(register);
    expect(values).toMatchObject({ IncidentBacklog: 2, ResponderWait: 300, EnrichmentErrorRate: 25 });
    expect(values.CollectorMemory).toBeGreaterThan(0);
    expect(reads()).toBe(1);
  });

  it('reports a desk without waiting incidents as a wait of 0 s, and an empty register as no error rate', async () => {
    const { values } = await collect(registerOf([]).register);
    expect(values).toMatchObject({ IncidentBacklog: 0, ResponderWait: 0 });
    expect(values).not.toHaveProperty('EnrichmentErrorRate');
  });

  it('reads the register again when the collection is retried after a failed read', async () => {
    const { register, reads, failNext } = registerOf([incident('a', 1)]);
    failNext(1);
    const { report, values } = await collect(register);
    expect(report).toMatchObject({ attempts: 2, error: undefined });
    expect(values.IncidentBacklog).toBe(1);
    expect(reads()).toBe(2);
  });

  it('raises IncidentBacklogHigh once more than 20 incidents waited in 3 of the last 5 minutes', async () => {
    const clock = new ManualClock(NOW);
    let waiting: RegisteredIncident[] = [];
    const register: DeskRegister = { incidents: async () => waiting, taken: async () => new Set() };
    const collector = new MetricsCollector({
      declaration: DESK_HEALTH,
      sources: deskHealthSources(register, clock),
      clock,
    });
    const states: string[] = [];
    for (const backlog of [4, 22, 9, 25, 30]) {
      waiting = Array.from({ length: backlog }, (_, index) => incident(`i-${index}`, 0));
      await collector.collect();
      states.push(collector.alertStates().IncidentBacklogHigh ?? '');
      clock.advanceSeconds(60);
    }
    expect(states).toEqual(['OK', 'OK', 'OK', 'OK', 'ALARM']);
  });
});
