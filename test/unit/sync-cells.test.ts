import { describe, expect, it } from 'vitest';
import { decodeCell, encodeCell } from '../../shared/sync/cells';

describe('a cell: its value, the device, the time and the staff member who entered it', () => {
  it('round-trips with the staff member, or with none chosen', () => {
    const cell = { value: '少冰', device: '01JDEVICEA', at: '2026-12-06T07:00:00.000Z', staff: '01JSTAFFMING' };
    expect(decodeCell(encodeCell(cell))).toEqual(cell);
    expect(decodeCell(encodeCell({ ...cell, value: null, staff: null }))).toEqual({ ...cell, value: null, staff: null });
    expect(decodeCell(encodeCell({ ...cell, value: 3 }))?.value).toBe(3);
  });

  it('reads cells written before staff were recorded (three elements) as entered by no one known', () => {
    expect(decodeCell(JSON.stringify(['燕麥拿鐵', '01JDEVICEA', '2026-12-01T00:00:00.000Z']))).toEqual({
      value: '燕麥拿鐵',
      device: '01JDEVICEA',
      at: '2026-12-01T00:00:00.000Z',
      staff: null,
    });
  });

  it('refuses what is not a cell', () => {
    for (const text of ['', 'null', '{}', '[1]', '["a","d"]', '["a","d","t","s","x"]', '["a",1,"t"]', '["a","d","t",7]', '[{"x":1},"d","t"]']) {
      expect(decodeCell(text)).toBeNull();
    }
  });
});
