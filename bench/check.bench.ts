/**
 * The sheet check through the Workbook interface, and the round trips each Office action costs.
 * - throughput: 100,000 generated rows read with MemoryWorkbook.readLog in chunks and checked with the core log
 *   check, checkLog (what the check view does: two passes, duplicates and amount outliers), rows/s;
 * - syncs: every action run against the counting fake Excel (test/excel/fakeExcel), with request/response bytes.
 */
import { todayIso } from '../src/core/dates';
import { COLUMNS, LOG_TABLE, type LogEntry } from '../src/core/schema';
import { checkLog } from '../src/core/validation';
import { OfficeWorkbook } from '../src/excel/OfficeWorkbook';
import { MemoryWorkbook } from '../src/memory/MemoryWorkbook';
import { FakeExcel } from '../test/excel/fakeExcel';
import { SAMPLE_LISTS, generateRows, toRawRow } from '../test/support/generateRows';

const ROWS = 100_000;

async function throughput(rows: LogEntry[]): Promise<Record<string, number>> {
  const wb = new MemoryWorkbook();
  await wb.seed(rows);
  const ctx = { today: todayIso(), lists: SAMPLE_LISTS };
  const started = process.hrtime.bigint();
  const snap = await wb.readLog({ chunkRows: 5000 });
  const readDone = process.hrtime.bigint();
  const { errors, warnings } = checkLog(snap.rows, snap.positions, { ...ctx, keepEntries: false });
  const done = process.hrtime.bigint();
  const seconds = Number(done - started) / 1e9;
  return {
    rows: snap.rows.length,
    readMs: Math.round(Number(readDone - started) / 1e6),
    totalMs: Math.round(seconds * 1000),
    rowsPerSecond: Math.round(snap.rows.length / seconds),
    errors,
    warnings,
  };
}

interface SyncFigure {
  syncs: number;
  requestKiB: number;
  maxResponseKiB: number;
}

function figure(fx: FakeExcel): SyncFigure {
  const kib = (n: number) => Math.round((n / 1024) * 10) / 10;
  return {
    syncs: fx.syncs,
    requestKiB: kib(fx.syncStats.reduce((n, s) => n + s.requestBytes, 0)),
    maxResponseKiB: kib(Math.max(0, ...fx.syncStats.map((s) => s.responseBytes))),
  };
}

function office(): { fx: FakeExcel; wb: OfficeWorkbook } {
  const fx = new FakeExcel();
  fx.addSheet('Sheet1');
  return { fx, wb: new OfficeWorkbook({ run: fx.run, isSetSupported: () => true }) };
}

async function syncTable(rows: LogEntry[]): Promise<Record<string, SyncFigure | number>> {
  const out: Record<string, SyncFigure | number> = {};

  const { fx, wb } = office();
  await wb.insertTemplate({ lang: 'zh-CN' });
  out.insertTemplate = figure(fx);
  fx.resetCounters();
  await wb.insertTemplate({ lang: 'zh-CN' });
  out.insertTemplateAgain = figure(fx);

  fx.resetCounters();
  const written = await wb.appendEntry(rows[0]);
  out.appendEntry = figure(fx);
  fx.resetCounters();
  await wb.removeEntry(written);
  out.undoEntry = figure(fx);

  // Repair: the log renamed and missing 备注.
  const broken = office();
  const headers = COLUMNS.filter((c) => c.key !== 'note').map((c) => c.zh);
  broken.fx.putTable('Sheet1', '表1', 'A1', [headers, headers.map(() => '')]);
  await broken.wb.insertTemplate({ lang: 'zh-CN' });
  out.repairTemplate = figure(broken.fx);

  // Check of 100,000 rows: readLog (automatic chunks) + markCells.
  const log = fx.table(LOG_TABLE)!;
  rows.forEach((e, i) => toRawRow(e).forEach((v, c) => {
    fx.cell(log.sheet, 1 + i, c).value = v === null ? '' : (v as string | number);
  }));
  log.rows = 1 + rows.length;
  fx.resetCounters();
  const snap = await wb.readLog();
  const chunks = fx.syncs;
  await wb.markCells(snap.rows.slice(0, 50).map((_, i) => ({ rowIndex: i * 100, key: 'amount' as const })));
  out.check100k = figure(fx);
  out.check100kChunks = chunks;
  fx.resetCounters();
  await wb.selectCell({ rowIndex: 99_999, key: 'region' });
  out.selectCell = figure(fx);
  fx.resetCounters();
  await wb.clearMarks();
  out.clearMarks = figure(fx);

  fx.resetCounters();
  await wb.buildReports({ lang: 'zh-CN', mode: 'pivot' });
  out.buildReportsPivot = figure(fx);
  fx.resetCounters();
  await wb.buildReports({ lang: 'zh-CN', mode: 'formula' });
  out.buildReportsFormula = figure(fx);
  fx.resetCounters();
  await wb.refreshReports();
  out.refreshReports = figure(fx);
  fx.resetCounters();
  await wb.getState();
  out.getState = figure(fx);
  return out;
}

export default async function checkBench(): Promise<Record<string, unknown>> {
  const rows = generateRows(ROWS, 42);
  return { throughput: await throughput(rows), syncs: await syncTable(rows) };
}
