import { isoToSerial } from '../../src/core/dates';
import { addDays, dueFollowUps, nextDateProblem, outcomeCells, rowState, type FollowUpWrite } from '../../src/core/followups';
import { COLUMNS, mapHeaders } from '../../src/core/schema';

const headers = COLUMNS.map((c) => c.zh);
const positions = mapHeaders(headers).positions;
const TODAY = '2026-12-01';

/** A raw row in schema order, as Range.values gives it (dates as serials, blanks as ""). */
function raw(over: Record<string, unknown>): unknown[] {
  const base: Record<string, unknown> = {
    date: isoToSerial('2026-11-20'), agent: '客服1', customerId: 'c', customerType: '零售客户', newOrReturning: '新客', channel: '微信',
    region: '浙江', product: '示例商品A', quantity: '', amount: '', deal: '否', dealType: '', noDealReason: '价格高',
    followUp: '待跟进', nextFollowUp: isoToSerial(TODAY), note: '', dealFlag: 0, month: '',
  };
  const row = { ...base, ...over };
  return COLUMNS.map((c) => row[c.key]);
}

const snap = (rows: unknown[][]) => ({ rows, positions, firstSheetRow: 2 });

describe('dueFollowUps', () => {
  const rows = [
    raw({ customerId: 'today' }),
    raw({ customerId: 'late3', nextFollowUp: isoToSerial('2026-11-28'), note: '要发票' }),
    raw({ customerId: 'future', nextFollowUp: isoToSerial('2026-12-02') }),
    raw({ customerId: 'undated', nextFollowUp: '' }),
    raw({ customerId: 'called-again', followUp: '已跟进', nextFollowUp: isoToSerial('2026-11-30') }),
    raw({ customerId: 'called-later', followUp: '已跟进', nextFollowUp: isoToSerial('2026-12-03') }),
    raw({ customerId: 'called-undated', followUp: '已跟进', nextFollowUp: '' }),
    raw({ customerId: 'won', followUp: '已转化', nextFollowUp: isoToSerial('2026-11-01') }),
    raw({ customerId: 'lost', followUp: '已流失', nextFollowUp: isoToSerial('2026-11-01') }),
    raw({ customerId: 'late1-agent2', agent: '客服2', nextFollowUp: isoToSerial('2026-11-30') }),
    raw({ customerId: 'text-date', nextFollowUp: '2026/11/29' }),
    raw({ customerId: 'garbage-date', nextFollowUp: 'soon' }),
  ];

  test('lists exactly the due rows (待跟进, and 已跟进 called again), longest overdue first, today last', () => {
    const list = dueFollowUps(snap(rows), TODAY);
    expect(list.due.map((d) => [d.customerId, d.daysOverdue, d.sheetRow])).toEqual([
      ['late3', 3, 3], ['text-date', 2, 12], ['called-again', 1, 6], ['late1-agent2', 1, 11], ['today', 0, 2],
    ]);
    expect(list.undated).toBe(2);
    expect(list.agents).toEqual(['客服1', '客服2']);
    const late = list.due[0];
    expect([late.product, late.channel, late.reason, late.note, late.nextFollowUp]).toEqual(['示例商品A', '微信', '价格高', '要发票', '2026-11-28']);
    expect(late.shown.customerId).toBe('late3');
    expect(late.shown.nextFollowUp).toBe(isoToSerial('2026-11-28'));
  });

  test('filters to one agent; the agent list still names everyone with due rows', () => {
    const list = dueFollowUps(snap(rows), TODAY, '客服2');
    expect(list.due.map((d) => d.customerId)).toEqual(['late1-agent2']);
    expect(list.agents).toEqual(['客服1', '客服2']);
  });

  test('a log without a 跟进情况 column has nothing due', () => {
    const noFollow = headers.filter((h) => h !== '跟进情况');
    expect(dueFollowUps({ rows: [], positions: mapHeaders(noFollow).positions, firstSheetRow: 2 }, TODAY).due).toEqual([]);
  });
});

describe('outcome writes', () => {
  const row = raw({ customerId: 'x', nextFollowUp: isoToSerial('2026-11-30') });
  const item = dueFollowUps(snap([row]), TODAY).due[0];
  const followed: FollowUpWrite = { rowIndex: 0, sheetRow: 2, shown: item.shown, outcome: 'followed', next: '2026-12-04' };

  test('已跟进 changes 跟进情况 and 下次跟进; 已转化 and 已流失 only 跟进情况', () => {
    expect(outcomeCells(followed)).toEqual({ followUp: '已跟进', nextFollowUp: isoToSerial('2026-12-04') });
    expect(outcomeCells({ ...followed, outcome: 'converted', next: null })).toEqual({ followUp: '已转化' });
    expect(outcomeCells({ ...followed, outcome: 'lost', next: null })).toEqual({ followUp: '已流失' });
  });

  test('rowState: before, after (a retry of a write that landed), or other', () => {
    expect(rowState(row, positions, followed)).toBe('before');
    const after = [...row];
    after[positions.followUp!] = '已跟进';
    after[positions.nextFollowUp!] = isoToSerial('2026-12-04');
    expect(rowState(after, positions, followed)).toBe('after');
    const edited = [...row];
    edited[positions.note!] = '客户改了主意';
    expect(rowState(edited, positions, followed)).toBe('other');
    const otherOutcome = [...row];
    otherOutcome[positions.followUp!] = '已流失';
    expect(rowState(otherOutcome, positions, followed)).toBe('other');
    expect(rowState(undefined, positions, followed)).toBe('other');
  });

  test('blank cells read as "" or null are the same cell', () => {
    const withNulls = row.map((v) => (v === '' ? null : v));
    expect(rowState(withNulls, positions, followed)).toBe('before');
  });
});

test('a new 下次跟进 must be a date, today or later', () => {
  expect(nextDateProblem('2026-12-04', TODAY)).toBeNull();
  expect(nextDateProblem(TODAY, TODAY)).toBeNull();
  expect(nextDateProblem('2026-11-30', TODAY)).toBe('past');
  expect(nextDateProblem('', TODAY)).toBe('invalid');
  expect(nextDateProblem('2026-02-30', TODAY)).toBe('invalid');
  expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
});
