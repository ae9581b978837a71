/**
 * 今日待跟进 on a 100,000-row log: the list through the Office implementation over the counting fake (round trips =
 * read chunks; the budget is chunks + 1) and its time, the core filter alone, and one outcome write (budget ≤ 2).
 */
import { dueFollowUps } from '../src/core/followups';
import { LOG_TABLE } from '../src/core/schema';
import { OfficeWorkbook } from '../src/excel/OfficeWorkbook';
import { loadFollowUps } from '../src/taskpane/followups/loadFollowUps';
import { FakeExcel } from '../test/excel/fakeExcel';
import { generateRows, toRawRow } from '../test/support/generateRows';

const ROWS = 100_000;
const TODAY = '2026-06-30';

const ms = (from: bigint) => Math.round(Number(process.hrtime.bigint() - from) / 1e6);

export default async function followUpsBench(): Promise<Record<string, unknown>> {
  const fx = new FakeExcel();
  fx.addSheet('Sheet1');
  const wb = new OfficeWorkbook({ run: fx.run, isSetSupported: () => true });
  await wb.insertTemplate({ lang: 'zh-CN' });
  const log = fx.table(LOG_TABLE)!;
  generateRows(ROWS, 42, { endDate: TODAY }).forEach((e, i) => toRawRow(e).forEach((v, c) => {
    fx.cell(log.sheet, 1 + i, c).value = v === null ? '' : (v as string | number);
  }));
  log.rows = 1 + ROWS;

  fx.resetCounters();
  let started = process.hrtime.bigint();
  const list = await loadFollowUps(wb, { today: TODAY, agent: null });
  const listMs = ms(started);
  const listSyncs = fx.syncs;

  const snap = await wb.readLog();
  started = process.hrtime.bigint();
  const again = dueFollowUps(snap, TODAY, '客服1');
  const filterMs = ms(started);

  const item = list.due[0];
  fx.resetCounters();
  const status = await wb.recordFollowUp({ rowIndex: item.rowIndex, sheetRow: item.sheetRow, shown: item.shown, outcome: 'converted', next: null });
  return {
    rows: ROWS,
    due: list.due.length,
    dueForOneAgent: again.due.length,
    list: { syncs: listSyncs, ms: listMs, note: 'fake Excel: read time is the fake, not Excel on the web' },
    filterOnlyMs: filterMs,
    outcome: { status, syncs: fx.syncs },
  };
}
