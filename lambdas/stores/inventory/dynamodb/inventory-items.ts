import {
  INVENTORY_ATTRIBUTES as A,
  INVENTORY_STEPS,
  sagaKey,
  stepSortKey,
} from '../../../contracts/tables/inventory-table.js';
import { CorruptItemError } from '../../store-errors.js';
import type { CheckRecord, ReservationRecord, ReservationStatus } from '../inventory-store-port.js';

type Item = Record<string, unknown>;

const STATUSES: readonly ReservationStatus[] = ['reserved', 'released', 'committed', 'rejected'];

export const reservationKey = (sagaId: string): Item => ({
  [A.pk]: sagaKey(sagaId),
  [A.sk]: stepSortKey(INVENTORY_STEPS.reserve),
});
export const checkKey = (sagaId: string): Item => ({
  [A.pk]: sagaKey(sagaId),
  [A.sk]: stepSortKey(INVENTORY_STEPS.check),
});

/** A reservation record as a DynamoDB item (lines and shortage as JSON text: exact, and size predictable). */
export const reservationItem = (record: ReservationRecord): Item => ({
  ...reservationKey(record.sagaId),
  [A.sagaId]: record.sagaId,
  [A.orderId]: record.orderId,
  [A.step]: INVENTORY_STEPS.reserve,
  [A.status]: record.status,
  [A.items]: JSON.stringify(record.items),
  [A.recordedAt]: record.reservedAt,
  [A.updatedAt]: record.updatedAt,
  ...(record.shortage === undefined ? {} : { [A.shortage]: JSON.stringify(record.shortage) }),
});

export const checkItem = (record: CheckRecord): Item => ({
  ...checkKey(record.sagaId),
  [A.sagaId]: record.sagaId,
  [A.orderId]: record.orderId,
  [A.step]: INVENTORY_STEPS.check,
  [A.result]: JSON.stringify(record.lines),
  [A.recordedAt]: record.checkedAt,
});

const text = (item: Item, name: string): string => {
  const value = item[name];
  if (typeof value !== 'string')
    throw new CorruptItemError('inventory', String(item[A.pk]), `"${name}" is not a string`);
  return value;
};

const json = (item: Item, name: string): unknown => {
  try {
    return JSON.parse(text(item, name));
  } catch (error) {
    throw new CorruptItemError('inventory', String(item[A.pk]), `"${name}" is not JSON`, { cause: error });
  }
};

export const reservationFromItem = (item: Item): ReservationRecord => {
  const status = text(item, A.status) as ReservationStatus;
  if (!STATUSES.includes(status))
    throw new CorruptItemError('inventory', String(item[A.pk]), `unknown status "${status}"`);
  const shortage = item[A.shortage] === undefined ? undefined : json(item, A.shortage);
  return {
    sagaId: text(item, A.sagaId),
    orderId: text(item, A.orderId),
    items: json(item, A.items) as ReservationRecord['items'],
    status,
    reservedAt: text(item, A.recordedAt),
    updatedAt: text(item, A.updatedAt),
    ...(shortage === undefined ? {} : { shortage: shortage as NonNullable<ReservationRecord['shortage']> }),
  };
};

export const checkFromItem = (item: Item): CheckRecord => ({
  sagaId: text(item, A.sagaId),
  orderId: text(item, A.orderId),
  lines: json(item, A.result) as CheckRecord['lines'],
  checkedAt: text(item, A.recordedAt),
});
