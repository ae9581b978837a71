import { isoToSerial } from '../../../src/core/dates';
import { COLUMNS, defaultListValues, mapHeaders } from '../../../src/core/schema';
import { buildDuplicateIndex, rowToRaw, validateRow, type ValidationContext } from '../../../src/core/validation';
import { generateRows } from './generatedRows';

const ctx: ValidationContext = { today: '2026-11-24', lists: defaultListValues() };

describe('validateRow', () => {
  it('finds columns by header text (zh or en, any order, extra user columns ignored)', () => {
    const headers = ['我的备注列', 'Deal', '日期', 'Customer ID', '客服', '客户类型', 'New/returning', '询盘渠道', 'Region', '商品', '数量', 'Amount (CNY)', '交易类型'];
    const { positions } = mapHeaders(headers);
    const cells = ['随便写', '是', isoToSerial('2026-11-02'), '=1+1', '客服2', '批发商', '老客', 'QQ', '海外', '示例商品B', 10, '¥2,000', '批发'];
    const r = validateRow(cells, positions, ctx);
    expect(r.issues).toEqual([]);
    expect(r.entry).toEqual({
      date: '2026-11-02', agent: '客服2', customerId: '=1+1', customerType: '批发商', newOrReturning: '老客', channel: 'QQ',
      region: '海外', product: '示例商品B', quantity: 10, amount: 2000, deal: '是', dealType: '批发', noDealReason: null,
      followUp: null, nextFollowUp: null, note: null,
    });
  });

  it('a column missing from the sheet counts as empty', () => {
    const { positions } = mapHeaders(['日期', '客服']);
    const r = validateRow([isoToSerial('2026-11-02'), '客服1'], positions, ctx);
    expect(r.issues.map((i) => i.field)).toEqual(['customerId', 'customerType', 'newOrReturning', 'channel', 'region', 'product', 'deal']);
  });

  it('rowToRaw picks each input column by position', () => {
    const { positions } = mapHeaders(COLUMNS.map((c) => c.en));
    const cells = COLUMNS.map((c) => `v:${c.key}`);
    const raw = rowToRaw(cells, positions);
    expect(raw.note).toBe('v:note');
    expect(raw.deal).toBe('v:deal');
    expect(Object.keys(raw)).not.toContain('dealFlag');
  });
});

describe('validateRow over generated rows', () => {
  const expectedCode: Record<string, string> = {
    futureDate: 'date:futureDate',
    impossibleDate: 'date:impossibleDate',
    noReason: 'noDealReason:noDealNeedsReason',
    dealNoAmount: 'amount:dealNeedsAmount',
    textAmount: 'amount:notNumber',
    badRegion: 'region:notInList',
    negativeQty: 'quantity:negative',
    missingCustomer: 'customerId:required',
    controlChar: 'note:controlChar',
    pendingNoDate: 'nextFollowUp:pendingNeedsNextDate',
  };

  it('finds every planted error and no false error', () => {
    const data = generateRows(10_000, 0.2, 2026);
    const { positions } = mapHeaders(data.headers);
    const rowCtx: ValidationContext = { today: data.today, lists: data.lists };
    let plantedSeen = 0;
    data.rows.forEach((cells, i) => {
      const r = validateRow(cells, positions, rowCtx);
      const errors = r.issues.filter((x) => x.severity === 'error').map((x) => `${x.field}:${x.code}`);
      const kind = data.planted[i];
      if (kind === null) {
        expect({ row: i, errors }).toEqual({ row: i, errors: [] });
        expect(r.ok).toBe(true);
      } else {
        plantedSeen++;
        expect({ row: i, errors }).toEqual({ row: i, errors: [expectedCode[kind]] });
      }
    });
    expect(plantedSeen).toBeGreaterThan(1500);
  });

  it('flags the second of two equal rows when the check adds rows as it goes', () => {
    const data = generateRows(200, 0, 5);
    const { positions } = mapHeaders(data.headers);
    const duplicates = buildDuplicateIndex();
    const rowCtx: ValidationContext = { today: data.today, lists: data.lists, duplicates };
    const rows = [...data.rows, data.rows[17]];
    const flagged: number[] = [];
    rows.forEach((cells, i) => {
      const r = validateRow(cells, positions, rowCtx);
      if (r.issues.some((x) => x.code === 'possibleDuplicate')) flagged.push(i);
      if (r.entry) duplicates.add(r.entry);
    });
    expect(flagged).toEqual([200]);
  });
});
