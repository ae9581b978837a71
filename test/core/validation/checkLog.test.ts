/**
 * The core log check (src/core/validation/checkLog.ts) and its three users: the pane's Check view (checkSnapshot),
 * the CLI's validateLog and the in-memory workbook's reports. The same rows must give the same problems everywhere,
 * amount outliers and duplicates included.
 */
import { COLUMNS, defaultListValues, mapHeaders, type LogEntry } from '../../../src/core/schema';
import { checkLog, LogChecker, type LogCheckResult } from '../../../src/core/validation';
import { validateLog, type RowProblem } from '../../../src/cli/validateLog';
import type { LogRead } from '../../../src/cli/readLog';
import { checkSnapshot } from '../../../src/taskpane/check/runCheck';
import { MemoryWorkbook } from '../../../src/memory/MemoryWorkbook';
import { toRawRow } from '../../support/generateRows';
import { readEntries } from '../../../src/taskpane/reports/logEntries';

const TODAY = '2026-11-24';
const lists = { ...defaultListValues(), product: ['连衣裙', 'T恤'] };
const headers = COLUMNS.map((c) => c.zh);
const positions = mapHeaders(headers).positions;

const entry = (i: number, over: Partial<LogEntry> = {}): LogEntry => ({
  date: '2026-11-20', agent: '客服1', customerId: `tb_${i}`, customerType: '零售客户', newOrReturning: '新客', channel: '微信',
  region: '江苏', product: '连衣裙', quantity: 1, amount: 100 + i, deal: '是', dealType: '零售', noDealReason: null,
  followUp: null, nextFollowUp: null, note: null, ...over,
});

/** Six ordinary deals, an outlier (unit price 5000 where ~100 is usual), a duplicate of row 0, and an error row. */
function log(): LogEntry[] {
  return [
    ...Array.from({ length: 6 }, (_, i) => entry(i)),
    entry(6, { amount: 5000 }),
    entry(0, { amount: 100 }),
    entry(8, { deal: '否', amount: null, dealType: null, noDealReason: null, followUp: '已跟进' }),
  ];
}
const rows = () => log().map((e) => toRawRow(e));

const summary = (r: LogCheckResult) => r.problems.map((p) => `${p.rowIndex}:${p.field}:${p.severity}:${p.code}`);

describe('checkLog', () => {
  test('finds the outlier, the duplicate (on the second row) and the error; rows with only warnings are entries', () => {
    const result = checkLog(rows(), positions, { today: TODAY, lists });
    expect(summary(result)).toEqual([
      '6:amount:warning:amountOutlier',
      '7:customerId:warning:possibleDuplicate',
      '8:noDealReason:error:noDealNeedsReason',
    ]);
    expect([result.rows, result.errors, result.warnings]).toEqual([9, 1, 2]);
    expect(result.entryRows).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(result.entries[6]).toMatchObject({ customerId: 'tb_6', amount: 5000 });
  });

  test('without warnings: one pass, errors only, the same entries', () => {
    const result = checkLog(rows(), positions, { today: TODAY, lists, warnings: false });
    expect(summary(result)).toEqual(['8:noDealReason:error:noDealNeedsReason']);
    expect(result.entryRows).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  test('in steps of any size it gives the same result, with progress rising to 1', () => {
    const whole = checkLog(rows(), positions, { today: TODAY, lists });
    for (const size of [1, 4, 100]) {
      const checker = new LogChecker(rows(), positions, { today: TODAY, lists });
      const seen: number[] = [];
      while (!checker.done) {
        checker.step(size);
        seen.push(checker.progress);
      }
      expect(checker.outcome()).toEqual(whole);
      expect(seen[seen.length - 1]).toBe(1);
      expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    }
  });

  test('onProblem receives every problem in order instead of the problems list; counts are the same', () => {
    const collected = checkLog(rows(), positions, { today: TODAY, lists });
    const streamed: LogCheckResult['problems'] = [];
    const result = checkLog(rows(), positions, { today: TODAY, lists, onProblem: (p) => streamed.push(p) });
    expect(collected.problems.length).toBeGreaterThan(0);
    expect(streamed).toEqual(collected.problems);
    expect(result.problems).toEqual([]);
    expect([result.errors, result.warnings, result.entries.length]).toEqual([collected.errors, collected.warnings, collected.entries.length]);
  });

  test('an empty log is done at once', () => {
    expect(checkLog([], positions, { today: TODAY, lists })).toEqual({ rows: 0, errors: 0, warnings: 0, problems: [], entries: [], entryRows: [] });
  });
});

/** A one-sheet log as the CLI's reader gives it. */
function logRead(cells: unknown[][]): LogRead {
  type Cells = LogRead['sheets'][number]['rows'][number]['cells'];
  return {
    file: 'log.xlsx',
    sheets: [{ name: '询盘统计', headerRow: 1, headers, positions, missing: [], rows: cells.map((c, i) => ({ cells: c as Cells, sheetRow: i + 2 })) }],
    lists,
    templateVersion: 2,
    identity: { templateId: 'shop-stats/inquiry-log', version: 2, agency: null, client: null },
  };
}

describe('one check for the pane, the CLI and the in-memory workbook', () => {
  test('the pane Check view reports the amount outlier the CLI reports, for the same rows', async () => {
    const pane = await checkSnapshot({ headers, positions, rows: rows(), firstSheetRow: 2 }, { lists, today: TODAY });
    const read = logRead(rows());
    const cliProblems: RowProblem[] = [];
    const cli = validateLog(read, { lang: 'zh-CN', today: TODAY, onProblem: (p) => cliProblems.push(p) });
    const key = (row: number, column: string | null, severity: string, code: string) => `${row}:${column}:${severity}:${code}`;
    const paneKeys = pane.problems.map((p) => key(p.sheetRow, p.key, p.severity, p.code)).sort();
    const cliKeys = cliProblems.map((p) => key(p.row ?? 0, p.column, p.severity, p.code)).sort();
    expect(paneKeys).toEqual(cliKeys);
    expect(paneKeys).toContain('8:amount:warning:amountOutlier');
    expect([pane.errors, pane.warnings]).toEqual([cli.errors, cli.warnings]);
  });

  test('in-memory reports count the rows the CLI counts (rows with only warnings included)', async () => {
    const wb = new MemoryWorkbook();
    await wb.seed(log());
    const memoryLists = await wb.readLists();
    const built = await wb.buildReports({ lang: 'zh-CN', mode: 'formula' });
    expect(built.built).toHaveLength(8);
    const expected = checkLog(rows(), positions, { today: TODAY, lists: memoryLists, warnings: false }).entries.length;
    expect(wb.snapshot().reports?.sourceRows).toBe(expected);
    expect(expected).toBe(8);
  });
});

describe('an agent missing from 字典 (a new 客服)', () => {
  const newAgent = () => [entry(1), entry(2, { agent: '阿杰' }), entry(3, { agent: '阿杰', deal: '否', amount: null, dealType: null, noDealReason: '比价中', followUp: '已跟进' })];

  test('is a warning, not an error, and the row is an entry', () => {
    const result = checkLog(newAgent().map((e) => toRawRow(e)), positions, { today: TODAY, lists });
    expect(summary(result)).toEqual(['1:agent:warning:agentNotInList', '2:agent:warning:agentNotInList']);
    expect(result.errors).toBe(0);
    expect(result.entries.map((e) => e.agent)).toEqual(['客服1', '阿杰', '阿杰']);
  });

  test('counts in the reports of the CLI, the in-memory workbook and the pane summary', async () => {
    const read = logRead(newAgent().map((e) => toRawRow(e)));
    expect(validateLog(read, { lang: 'zh-CN', today: TODAY, warnings: false }).entries).toHaveLength(3);

    const wb = new MemoryWorkbook();
    await wb.seed(newAgent());
    await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
    const agents = wb.snapshot().reports?.results.agents ?? [];
    expect(agents.find((r) => r.key === '阿杰')).toMatchObject({ inquiries: 2, deals: 1 });
    expect(wb.snapshot().reports?.sourceRows).toBe(3);

    const summaryRows = await readEntries(wb);
    expect([summaryRows.entries.length, summaryRows.skipped]).toEqual([3, 0]);
  });
});
