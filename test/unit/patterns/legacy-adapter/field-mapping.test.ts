import { describe, expect, it } from 'vitest';
import {
  conversions,
  type FieldMapping,
  translate,
} from '../../../../lambdas/patterns/legacy-adapter/field-mapping.js';

const USER: readonly FieldMapping[] = [
  { field: 'userId', legacyField: 'user_id' },
  { field: 'createTime', legacyField: 'created_at', conversion: conversions.sqlTimestamp },
  { field: 'updateTime', legacyField: 'updated_at', conversion: conversions.epochSeconds },
  {
    field: 'active',
    legacyField: 'status',
    conversion: conversions.status({ true: 'ACTIVE', false: 'DISABLED' }),
  },
  { field: 'credit', legacyField: 'credit_limit', conversion: conversions.numberAsText },
];

describe('declared field mappings', () => {
  const ours = {
    userId: 'u-1',
    createTime: '2026-12-01T10:30:00.000Z',
    updateTime: '2026-12-02T00:00:00.000Z',
    active: true,
    credit: 1500.5,
  };
  const theirs = {
    user_id: 'u-1',
    created_at: '2026-12-01 10:30:00',
    updated_at: 1_796_169_600,
    status: 'ACTIVE',
    credit_limit: '1500.5',
  };

  it('rename and convert every field to the legacy names and types', () => {
    expect(translate(ours, USER, 'toLegacy')).toEqual({ record: theirs, problems: [] });
  });

  it('convert the legacy record back to the same fields and values', () => {
    expect(translate(theirs, USER, 'fromLegacy')).toEqual({ record: ours, problems: [] });
  });

  it('list every field that does not convert or is not declared, and translate none of them', () => {
    const { record, problems } = translate(
      { userId: 'u-2', active: 'yes', createTime: 'yesterday', nickname: 'Ada' },
      USER,
      'toLegacy',
    );
    expect(record).toEqual({ user_id: 'u-2' });
    expect(problems).toEqual([
      { field: 'active', problem: '"yes" does not convert (boolean as ACTIVE/DISABLED)' },
      { field: 'createTime', problem: '"yesterday" does not convert (ISO timestamp as YYYY-MM-DD HH:MM:SS)' },
      { field: 'nickname', problem: 'not declared in the mapping' },
    ]);
  });

  it('leave out an extra legacy column when told to ignore what is undeclared, and refuse an unknown status', () => {
    const { record, problems } = translate(
      { user_id: 'u-3', status: 'LOCKED', legacy_flag: 'X' },
      USER,
      'fromLegacy',
      'ignore',
    );
    expect(record).toEqual({ userId: 'u-3' });
    expect(problems).toEqual([
      { field: 'status', problem: '"LOCKED" does not convert (boolean as ACTIVE/DISABLED)' },
    ]);
  });

  it('keep a null as null both ways', () => {
    expect(translate({ createTime: null }, USER, 'toLegacy').record).toEqual({ created_at: null });
  });
});
