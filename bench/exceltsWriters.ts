/**
 * The alternatives measured against the kit's own package writers (charts.ts, pivots.ts) in bench/kit: the same log
 * rows and the same charts or pivots written with @cj-tech-master/excelts, which writes charts and PivotTables itself.
 * Bench only: the kit does not use these.
 */
import { Workbook } from '@cj-tech-master/excelts';
import { installChartSupport } from '@cj-tech-master/excelts/chart';
import type { LogEntry } from '../src/core/schema';
import { COLUMNS, header } from '../src/core/schema';
import { reportDef } from '../src/core/reports/definitions';
import { REPORT_IDS } from '../src/core/reportIds';
import type { CellRange } from '../src/core/reports/formulaLayout';
import { columnLetter } from '../src/core/template';
import { calcResult, entryValues, type RowValues } from '../src/cli/template/cells';
import { reportCharts } from '../src/cli/template/charts';
import { planBlocks } from '../src/cli/template/reportSheet';
import { SAMPLE_LISTS } from '../test/support/generateRows';

installChartSupport();

const h = (key: string) => header(key as never, 'zh-CN');

function addLog(wb: Workbook, entries: readonly LogEntry[]) {
  const ws = wb.addWorksheet('询盘统计');
  const rows = entries.map((e) => {
    const v: RowValues = entryValues(e);
    return COLUMNS.map((c) => (c.type === 'calc' ? calcResult(v, c.key as never) : (v[c.key as keyof RowValues] ?? null)));
  });
  return ws.addTable({ name: '询盘统计', ref: 'A1', headerRow: true, columns: COLUMNS.map((c) => ({ name: h(c.key), filterButton: true })), rows });
}

/**
 * The log and one pivot per report, as excelts can express them. It refuses two value fields over one column
 * ("Duplicate value field"), so 成交数 and 转化率 (sum and average of 成交标记) cannot both be shown: the second is
 * dropped here; and its page field selects no item (the 否 filter cannot be set).
 */
export async function exceltsPivots(entries: readonly LogEntry[], file: string): Promise<void> {
  const wb = new Workbook();
  const table = addLog(wb, entries);
  for (const id of REPORT_IDS) {
    const def = reportDef(id);
    const seen = new Set<string>();
    const values = def.values
      .map((v) => {
        const a = v.aggregation;
        return a.kind === 'sum' || a.kind === 'average' ? { name: h(a.column), metric: a.kind } : { name: h('customerId'), metric: 'count' as const };
      })
      .filter((v) => !seen.has(v.name) && Boolean(seen.add(v.name)));
    wb.addWorksheet(`P ${id}`).addPivotTable({
      sourceTable: table,
      rows: [h(def.rows)],
      columns: def.columns ? [h(def.columns)] : [],
      values,
      pages: def.filter ? [h(def.filter.column)] : [],
    });
  }
  await wb.xlsx.writeFile(file);
}

/** The log, the 报表 formula blocks and the template's charts (same ChartSpecs as charts.ts writes). */
export async function exceltsTemplateCharts(entries: readonly LogEntry[], file: string): Promise<number> {
  const wb = new Workbook();
  addLog(wb, entries);
  const rep = wb.addWorksheet('报表');
  const blocks = planBlocks('zh-CN', SAMPLE_LISTS);
  for (const b of blocks) {
    for (const c of b.cells) {
      const cell = rep.getCell(c.row, c.col);
      if (c.formula !== undefined) cell.value = { formula: c.formula.slice(1) };
      else if (c.value !== undefined) cell.value = c.value;
      if (c.numberFormat) cell.numFmt = c.numberFormat;
    }
  }
  const ref = (r: CellRange) => `'报表'!$${columnLetter(r.left - 1)}$${r.top}:$${columnLetter(r.right - 1)}$${r.bottom}`;
  const charts = reportCharts(blocks);
  for (const ch of charts) {
    const k = ch.spec.kind;
    const p = ch.spec.placement;
    rep.addChart(
      {
        ...(k === 'line' ? { type: 'line' as const } : { type: 'bar' as const, barDir: k === 'bar' ? ('bar' as const) : ('col' as const) }),
        ...(k === 'stackedColumn' ? { grouping: 'stacked' as const } : {}),
        title: ch.title,
        series: ch.spec.series.map((s) => ({
          name: { formula: `'报表'!$${columnLetter(s.nameCell.col - 1)}$${s.nameCell.row}` },
          categories: ref(ch.spec.categories),
          values: ref(s.values),
        })),
      },
      { tl: `${columnLetter(p.left - 1)}${p.top}`, br: `${columnLetter(p.right)}${p.bottom + 1}` },
    );
  }
  await wb.xlsx.writeFile(file);
  return charts.length;
}
