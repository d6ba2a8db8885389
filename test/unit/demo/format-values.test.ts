import { describe, expect, it } from 'vitest';
import { alignColumns } from '../../../local/demo/align-columns.js';
import { formatDuration } from '../../../local/demo/format-duration.js';
import { formatMoney } from '../../../local/demo/format-money.js';
import { textStyle, wantsColour } from '../../../local/demo/text-style.js';

describe('formatMoney', () => {
  it('shows minor units with two decimals and grouped thousands', () => {
    expect(formatMoney(1_139_400)).toBe('11,394.00');
    expect(formatMoney(8_900)).toBe('89.00');
    expect(formatMoney(5)).toBe('0.05');
    expect(formatMoney(0)).toBe('0.00');
    expect(formatMoney(-250)).toBe('-2.50');
  });
});

describe('formatDuration', () => {
  it('uses tenths of a millisecond for short durations, whole ms, then seconds', () => {
    expect(formatDuration(3.14)).toBe('3.1 ms');
    expect(formatDuration(412.6)).toBe('413 ms');
    expect(formatDuration(12_345)).toBe('12.35 s');
  });
});

describe('alignColumns', () => {
  it('pads each column to its widest cell, right-aligning where asked', () => {
    expect(
      alignColumns(
        [
          ['+1 ms', 'saga', 'ValidateUser', 'ok'],
          ['+12 ms', 'trigger', 'PaymentCompleted', ''],
        ],
        ['right'],
      ),
    ).toEqual([
      [' +1 ms', 'saga   ', 'ValidateUser    ', 'ok'],
      ['+12 ms', 'trigger', 'PaymentCompleted', ''],
    ]);
  });

  it('pads to a minimum width so separate tables line up with each other', () => {
    expect(alignColumns([['a', 'b', 'c']], [], [3, 4])).toEqual([['a  ', 'b   ', 'c']]);
  });

  it('counts characters, not UTF-16 units, so arrows line up', () => {
    const [first, second] = alignColumns([
      ['created → paid', 'x'],
      ['ab', 'y'],
    ]);
    expect(first?.[0]).toBe('created → paid');
    expect(second?.[0]).toHaveLength('created → paid'.length);
  });
});

describe('text style', () => {
  it('adds no escape codes when colour is off', () => {
    const style = textStyle(false);
    expect(style.good('ok') + style.bad('failed') + style.dim('x') + style.bold('y') + style.warn('z')).toBe(
      'okfailedxyz',
    );
  });

  it('wraps text in ANSI colours when colour is on', () => {
    expect(textStyle(true).good('ok')).toBe('\u001b[32mok\u001b[39m');
  });

  it('colours a terminal only, never with NO_COLOR, and always with FORCE_COLOR', () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
    expect(wantsColour({}, {})).toBe(false);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsColour({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
  });
});
