/**
 * An event as an event bus carries it: EventBridge's envelope (`source`, `detail-type`, `detail`, and the
 * `id`, `time`, `account`, `region`, `resources` a bus adds), so a filter is an EventBridge event pattern that
 * matches the same way in process and on AWS, and a dead-lettered event can go back on an EventBridge bus.
 */
export interface BusEvent<TDetail = unknown> {
  readonly id: string;
  readonly source: string;
  readonly 'detail-type': string;
  readonly detail: TDetail;
  readonly time: string;
  readonly version?: string;
  readonly account?: string;
  readonly region?: string;
  readonly resources?: readonly string[];
}

/** What a publisher gives: the bus fills `id` and `time` when they are missing. */
export type PublishedEvent<TDetail = unknown> = Omit<BusEvent<TDetail>, 'id' | 'time'> & {
  readonly id?: string;
  readonly time?: string;
};
