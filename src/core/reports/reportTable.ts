/**
 * A computed report as a plain table (header + rows of display values), shared by the text output of
 * `shop-stats report`, the report workbook written by `--out` and the period report sheet (kit and add-in).
 */
import { t } from '../i18n';
import { reports as reportText } from '../i18n/reports';
import { reportTotal, type ReportRow } from './aggregate';
import { keyLabel, reportDef, reportTitle } from './definitions';
import type { ReportId } from '../reportIds';
import { header, type Lang } from '../schema';

export interface ReportTable {
  id: ReportId;
  title: string;
  /** e.g. "筛选：是否成交 = 否" for the no-deal reports. */
  note: string | null;
  headers: string[];
  /** Number formats per column (null for text columns). */
  formats: Array<string | null>;
  rows: Array<Array<string | number | null>>;
  /** The 合计 line (1-D reports only). */
  total: Array<string | number | null> | null;
}

export function reportTable(id: ReportId, rows: readonly ReportRow[], lang: Lang): ReportTable {
  const def = reportDef(id);
  const headers = [header(def.rows, lang)];
  const formats: Array<string | null> = [null];
  if (def.columns) {
    headers.push(header(def.columns, lang));
    formats.push(null);
  }
  for (const v of def.values) {
    headers.push(t(v.label, lang));
    formats.push(v.numberFormat);
  }
  const line = (r: ReportRow, key: string): Array<string | number | null> => {
    const cells: Array<string | number | null> = [key];
    if (def.columns) cells.push(keyLabel(def.columnList, r.column ?? '', lang));
    for (const v of def.values) {
      const value = r[v.id];
      cells.push(value === undefined ? null : value);
    }
    return cells;
  };
  return {
    id,
    title: reportTitle(id, lang),
    note: def.filter ? t(reportText.filterNoDeal, lang) : null,
    headers,
    formats,
    rows: rows.map((r) => line(r, keyLabel(def.rowList, r.key, lang))),
    total: def.columns ? null : line(reportTotal(id, rows), t(reportText.total, lang)),
  };
}

/** Plain-text rendering: tab-separated, so it pastes straight into a spreadsheet. */
export function formatReportText(table: ReportTable): string {
  const cell = (v: string | number | null, format: string | null): string => {
    if (v === null) return '';
    if (typeof v === 'string') return v;
    if (format && format.includes('%')) return `${(v * 100).toFixed(1)}%`;
    if (format && format.includes('.00')) return v.toFixed(2);
    return String(v);
  };
  const lines = [`== ${table.title}${table.note ? ` (${table.note})` : ''}`, table.headers.join('\t')];
  for (const r of table.rows) lines.push(r.map((v, i) => cell(v, table.formats[i])).join('\t'));
  if (table.total) lines.push(table.total.map((v, i) => cell(v, table.formats[i])).join('\t'));
  return lines.join('\n');
}
