/**
 * A clock tests move by hand (`{ now(): number }`, epoch ms). It starts at the real time so items written
 * to DynamoDB Local carry TTLs in the real future: DynamoDB Local runs TTL deletion, and an item dated
 * in the past could vanish mid-test.
 *
 * @example
 * const clock = new ManualClock();
 * clock.advanceSeconds(61);
 */
export class ManualClock {
  #now: number;

  constructor(start: number = Date.now()) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  advanceMs(ms: number): void {
    this.#now += ms;
  }

  advanceSeconds(seconds: number): void {
    this.#now += seconds * 1000;
  }
}
