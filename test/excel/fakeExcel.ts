/**
 * A typed, stateful fake of the part of Excel's object model that src/excel uses. It stores cells (values,
 * formulas, number formats, fills), tables, names, settings, validation, conditional formats, pivots and charts,
 * and behaves like Office.js where our code depends on it:
 * - writes apply in call order; a `load()` captures the state at that point of the batch and becomes readable only
 *   after the next `sync()` (reading earlier throws, as unloaded properties do) — learn.microsoft.com/office/dev/
 *   add-ins/develop/application-specific-api-model ("load" and "sync");
 * - `getItem` of something missing fails at the next sync with ItemNotFound — learn.microsoft.com/office/dev/
 *   add-ins/excel/excel-add-ins-error-handling (error codes);
 * - text written to a '@'-formatted cell, or with a leading apostrophe, stays text; otherwise "=…" is a formula and
 *   "+86…" a number, as Excel parses typed input (see `enter`);
 * - writing just below a table expands it (Excel's auto-expansion), unless rules sit below it (see autoExpand);
 * - it counts syncs and approximate request/response bytes, and records every write.
 * Each rule taken from Microsoft's documentation or the OfficeDev/office-js tracker names its source where it is
 * enforced. The rules of issue 8 are tested in appendRules.test.ts (table growth, delayForCellEdit, rows.add,
 * columns.add), reportRules.test.ts (pivot filters, charts over pivots, range conflicts, hierarchy names) and
 * limits.test.ts (5 MB payloads, protected sheets).
 * Tests see it as an Excel.RequestContext through `context()` — the one cast of the test suite.
 */
import { isoToSerial, monthOf, serialToIso } from '../../src/core/dates';
import { columnLetter } from '../../src/core/template';
import type { RunFn } from '../../src/excel/run';

type Scalar = string | number | boolean;

interface Cell {
  value: Scalar;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
}

export interface SheetData {
  name: string;
  cells: Map<string, Cell>;
  widths: Map<number, number>;
  frozenRows: number;
  validations: Array<{ address: string; rule?: Excel.DataValidationRule; errorAlert?: Excel.DataValidationErrorAlert }>;
  conditionalFormats: Array<{ address: string; type: string; formula: string; fill: string; font: string }>;
  pivots: PivotData[];
  charts: ChartData[];
  /** Worksheet protection on (see FakeExcel.writable). */
  protected?: boolean;
}

export interface TableData {
  name: string;
  sheet: SheetData;
  top: number;
  left: number;
  /** Rows including the header row. */
  rows: number;
  cols: number;
  style: string;
  /** A totals row at the bottom (inside `rows`). */
  totals?: boolean;
}

export interface PivotData {
  name: string;
  source: string;
  /** The source table's name (items of filters and the pivot's size come from its current data). */
  sourceTable: string;
  /** Size from the last build or refresh (rows × columns from the destination), null until the next sync. */
  size: { rows: number; cols: number } | null;
  destination: string;
  rows: string[];
  columns: string[];
  filters: Array<{ name: string; selected?: string[] }>;
  data: Array<{ source: string; name: string; summarizeBy: string; showAs: string | null; numberFormat: string }>;
  sorts: Array<{ field: string; direction: string; by: string }>;
}

export interface ChartData {
  name: string;
  type: string;
  source: string;
  title: string;
  position: [string, string] | null;
  series: Array<{ name: string; values: string; categories: string }>;
  /** Name of the PivotTable whose range the chart's source touched: such a chart plots the whole pivot. */
  boundPivot?: string;
}

export interface WriteRecord {
  kind: string;
  sheet: string;
  address: string;
  data: unknown;
}

const MAX_ROWS = 1_048_576;
/** Excel on the web: 5 MB per request and per response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Columns per worksheet (XFD), from Microsoft's "Excel specifications and limits" (support.microsoft.com). */
const MAX_COLUMNS = 16_384;
const utf8Length = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), 'utf8');
const key = (r: number, c: number) => `${r},${c}`;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parse "A1", "A1:C3", "C:C", optionally sheet-qualified. */
export function parseAddress(address: string): { sheet: string | null; top: number; left: number; rows: number; cols: number } {
  let sheet: string | null = null;
  let a = address;
  const bang = a.lastIndexOf('!');
  if (bang >= 0) {
    sheet = a.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
    a = a.slice(bang + 1);
  }
  const parts = a.replace(/\$/g, '').split(':');
  const parse = (p: string) => {
    const m = /^([A-Z]+)?(\d+)?$/i.exec(p);
    if (!m) throw new Error(`InvalidArgument: address ${address}`);
    return { c: m[1] ? colIndex(m[1]) : null, r: m[2] ? Number(m[2]) - 1 : null };
  };
  const p1 = parse(parts[0]);
  const p2 = parse(parts[1] ?? parts[0]);
  const top = p1.r ?? 0;
  const bottom = p2.r ?? MAX_ROWS - 1;
  const left = p1.c ?? 0;
  const right = p2.c ?? 16383;
  return { sheet, top, left, rows: bottom - top + 1, cols: right - left + 1 };
}

export function a1(top: number, left: number, rows = 1, cols = 1): string {
  const first = `${columnLetter(left)}${top + 1}`;
  return rows === 1 && cols === 1 ? first : `${first}:${columnLetter(left + cols - 1)}${top + rows}`;
}

/**
 * Remove the part of each rule's range that lies in `area` (Excel's clear on a range clears only those cells).
 * Rules here are single-column ranges or whole columns, so only the rows above and below the area survive.
 */
function clearRulesIn<T extends { address: string }>(list: T[], area: { top: number; left: number; rows: number; cols: number }): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const r = parseAddress(list[i].address);
    const hit = r.left < area.left + area.cols && area.left < r.left + r.cols && r.top < area.top + area.rows && area.top < r.top + r.rows;
    if (!hit) continue;
    const parts: T[] = [];
    if (r.top < area.top) parts.push({ ...list[i], address: a1(r.top, r.left, area.top - r.top, r.cols) });
    const areaBottom = area.top + area.rows;
    if (r.top + r.rows > areaBottom) parts.push({ ...list[i], address: a1(areaBottom, r.left, r.top + r.rows - areaBottom, r.cols) });
    list.splice(i, 1, ...parts);
  }
}

class OfficeError extends Error {
  constructor(public readonly code: string, message: string) {
    super(message);
  }
}

/** Base of every fake API object: load() snapshots now, the values become readable after the next sync. */
abstract class Loadable {
  private readonly available = new Map<string, unknown>();
  constructor(readonly fx: FakeExcel) {}
  protected abstract snapshot(prop: string): unknown;
  load(props?: string): this {
    const list = (props ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
    const snap = new Map<string, unknown>();
    for (const p of list) snap.set(p, this.snapshot(p));
    this.fx.queueLoad(snap, () => snap.forEach((v, k) => this.available.set(k, v)));
    return this;
  }
  protected read<T>(prop: string): T {
    if (!this.available.has(prop)) throw new Error(`PropertyNotLoaded: ${prop} was not loaded and synced`);
    return this.available.get(prop) as T;
  }
  /** For collection items: properties known from the collection's own load. */
  preset(prop: string, value: unknown): void {
    this.available.set(prop, value);
  }
}

class FakeFill extends Loadable {
  constructor(fx: FakeExcel, private readonly range: FakeRange) {
    super(fx);
  }
  protected snapshot(prop: string): unknown {
    if (prop !== 'color') throw new Error(`fake: fill.${prop}`);
    const c = this.range.cellAt(0, 0);
    return c?.fill ?? '#FFFFFF';
  }
  get color(): string {
    return this.read<string>('color');
  }
  set color(v: string) {
    this.range.eachCell((c) => (c.fill = v), 'fill', v);
  }
  clear(): void {
    this.range.eachCell((c) => (c.fill = null), 'fillClear', null);
  }
}

class FakeFont {
  constructor(private readonly range: FakeRange) {}
  set bold(v: boolean) {
    this.range.eachCell((c) => (c.bold = v), 'bold', v);
  }
  set color(v: string) {
    this.range.fx.record('fontColor', this.range, v);
  }
}

class FakeRangeFormat {
  readonly fill: FakeFill;
  readonly font: FakeFont;
  constructor(private readonly range: FakeRange) {
    this.fill = new FakeFill(range.fx, range);
    this.font = new FakeFont(range);
  }
  set columnWidth(points: number) {
    for (let c = this.range.left; c < this.range.left + this.range.cols; c++) this.range.sheet.widths.set(c, points);
    this.range.fx.record('columnWidth', this.range, points);
  }
}

class FakeDataValidation {
  constructor(private readonly range: FakeRange) {}
  private entry() {
    const address = this.range.localAddress();
    let e = this.range.sheet.validations.find((v) => v.address === address);
    if (!e) {
      e = { address };
      this.range.sheet.validations.push(e);
    }
    return e;
  }
  set rule(rule: Excel.DataValidationRule) {
    if (!this.range.fx.writable(this.range.sheet)) return;
    this.entry().rule = rule;
    this.range.fx.record('validation', this.range, rule);
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.entry().errorAlert = alert;
    this.range.fx.record('errorAlert', this.range, alert);
  }
  clear(): void {
    if (!this.range.fx.writable(this.range.sheet)) return;
    clearRulesIn(this.range.sheet.validations, this.range);
    this.range.fx.record('validationClear', this.range, null);
  }
}

class FakeConditionalFormats {
  constructor(private readonly range: FakeRange) {}
  clearAll(): void {
    if (!this.range.fx.writable(this.range.sheet)) return;
    clearRulesIn(this.range.sheet.conditionalFormats, this.range);
    this.range.fx.record('conditionalFormatClear', this.range, null);
  }
  add(type: string) {
    const entry = { address: this.range.localAddress(), type, formula: '', fill: '', font: '' };
    this.range.sheet.conditionalFormats.push(entry);
    const fx = this.range.fx;
    const range = this.range;
    return {
      custom: {
        rule: {
          set formula(f: string) {
            entry.formula = f;
            fx.record('conditionalFormat', range, f);
          },
        },
        format: {
          fill: { set color(c: string) { entry.fill = c; } },
          font: { set color(c: string) { entry.font = c; } },
        },
      },
    };
  }
}

export class FakeRange extends Loadable {
  constructor(fx: FakeExcel, readonly sheet: SheetData, readonly top: number, readonly left: number, readonly rows: number, readonly cols: number) {
    super(fx);
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this);
  }
  get dataValidation(): FakeDataValidation {
    return new FakeDataValidation(this);
  }
  get conditionalFormats(): FakeConditionalFormats {
    return new FakeConditionalFormats(this);
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.fx, this.sheet);
  }
  localAddress(): string {
    return a1(this.top, this.left, this.rows, this.cols);
  }
  cellAt(r: number, c: number): Cell | undefined {
    return this.sheet.cells.get(key(this.top + r, this.left + c));
  }
  /** Apply to every cell (creating it), record one write. */
  eachCell(fn: (c: Cell) => void, kind: string, data: unknown): void {
    if (!this.fx.writable(this.sheet)) return;
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.cols; c++) fn(this.fx.cell(this.sheet, this.top + r, this.left + c));
    this.fx.record(kind, this, data);
  }
  private grid<T>(fn: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, r) => Array.from({ length: this.cols }, (_, c) => fn(this.top + r, this.left + c)));
  }
  protected snapshot(prop: string): unknown {
    switch (prop) {
      case 'values':
        return this.grid((r, c) => this.fx.valueAt(this.sheet, r, c));
      case 'formulas':
        return this.grid((r, c) => {
          const cell = this.sheet.cells.get(key(r, c));
          return cell ? (cell.formula ?? cell.value) : '';
        });
      case 'numberFormat':
        return this.grid((r, c) => this.sheet.cells.get(key(r, c))?.numberFormat ?? 'General');
      case 'address':
        return `${this.sheet.name}!${this.localAddress()}`;
      case 'rowIndex':
        return this.top;
      case 'columnIndex':
        return this.left;
      case 'rowCount':
        return this.rows;
      case 'columnCount':
        return this.cols;
      default:
        throw new Error(`fake: range.${prop}`);
    }
  }
  get values(): unknown[][] {
    return this.read('values');
  }
  set values(v: unknown[][]) {
    this.setGrid('values', v, (cell, x) => this.fx.enter(cell, x, false));
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(v: unknown[][]) {
    this.setGrid('formulas', v, (cell, x) => this.fx.enter(cell, x, true));
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.setGrid('numberFormat', v, (cell, x) => (cell.numberFormat = String(x)));
  }
  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  private setGrid(kind: string, v: unknown[][], apply: (cell: Cell, x: unknown) => void): void {
    if (!Array.isArray(v) || v.length !== this.rows || v.some((row) => !Array.isArray(row) || row.length !== this.cols)) {
      throw new OfficeError('InvalidArgument', `${kind}: array is not ${this.rows}×${this.cols}`);
    }
    if (!this.fx.writable(this.sheet)) return;
    v.forEach((row, r) => row.forEach((x, c) => apply(this.fx.cell(this.sheet, this.top + r, this.left + c), x)));
    this.fx.record(kind, this, v);
    this.fx.autoExpand(this);
  }
  getRow(i: number): FakeRange {
    return new FakeRange(this.fx, this.sheet, this.top + i, this.left, 1, this.cols);
  }
  getCell(r: number, c: number): FakeRange {
    return new FakeRange(this.fx, this.sheet, this.top + r, this.left + c, 1, 1);
  }
  getLastRow(): FakeRange {
    return this.getRow(this.rows - 1);
  }
  getRowsBelow(n = 1): FakeRange {
    return new FakeRange(this.fx, this.sheet, this.top + this.rows, this.left, n, this.cols);
  }
  /**
   * Range.getOffsetRange (ExcelApi 1.1): the same-sized range shifted by rows/columns; a shift that leaves the sheet
   * is an error (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getoffsetrange-member(1)).
   * A shift past the end of a table is fine: the result is just sheet cells.
   */
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    const top = this.top + rowOffset;
    const left = this.left + columnOffset;
    if (top < 0 || left < 0 || top + this.rows > MAX_ROWS || left + this.cols > MAX_COLUMNS) {
      this.fx.fail('InvalidArgument', `getOffsetRange(${rowOffset}, ${columnOffset}) leaves the sheet`);
      return new FakeRange(this.fx, this.sheet, 0, 0, this.rows, this.cols);
    }
    return new FakeRange(this.fx, this.sheet, top, left, this.rows, this.cols);
  }
  getResizedRange(dr: number, dc: number): FakeRange {
    return new FakeRange(this.fx, this.sheet, this.top, this.left, this.rows + dr, this.cols + dc);
  }
  /** The first cell (row by row) whose shown value equals `text` exactly, or a null object (ExcelApi 1.9). */
  findOrNullObject(text: string, criteria: Excel.SearchCriteria): FakeRange & { isNullObject: boolean } {
    if (!criteria.completeMatch || !criteria.matchCase) throw new Error('fake: find supports completeMatch + matchCase only');
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        if (String(this.fx.valueAt(this.sheet, this.top + r, this.left + c)) === text) {
          return Object.assign(new FakeRange(this.fx, this.sheet, this.top + r, this.left + c, 1, 1), { isNullObject: false });
        }
      }
    }
    return Object.assign(new FakeRange(this.fx, this.sheet, this.top, this.left, 1, 1), { isNullObject: true });
  }
  select(): void {
    this.fx.selection = { sheet: this.sheet.name, address: this.localAddress() };
  }
  clear(applyTo?: string): void {
    if (!this.fx.writable(this.sheet)) return;
    // Only cells that exist (a cleared column down to the sheet's end must not create a million cells).
    for (const [k, c] of this.sheet.cells) {
      const [r, col] = k.split(',').map(Number);
      if (r < this.top || r >= this.top + this.rows || col < this.left || col >= this.left + this.cols) continue;
      c.value = '';
      c.formula = null;
      if (applyTo !== 'Contents') {
        c.numberFormat = 'General';
        c.fill = null;
        c.bold = false;
      }
    }
    this.fx.record('clear', this, applyTo ?? 'All');
  }
}

class FakeTableColumns {
  constructor(private readonly fx: FakeExcel, private readonly table: () => TableData) {}
  /**
   * Append a column. Rule (TableColumnCollection.add, learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection
   * #excel-excel-tablecolumncollection-add-member(1)): `values` is "a 2D array of unformatted values of the table
   * column" — one row per table row, header first; anything else is refused here.
   */
  add(index?: number, values?: Scalar | Scalar[][], name?: string): { getDataBodyRange(): FakeRange } {
    const t = this.table();
    if (index !== undefined && index !== null && index !== -1) throw new Error('fake: columns.add only appends');
    if (values !== undefined && (!Array.isArray(values) || values.length !== t.rows || values.some((r) => !Array.isArray(r) || r.length !== 1))) {
      this.fx.fail('InvalidArgument', `columns.add: values must be ${t.rows}×1 (header and every row)`);
      return { getDataBodyRange: () => new FakeRange(this.fx, t.sheet, t.top + 1, t.left + t.cols, Math.max(1, t.rows - 1), 1) };
    }
    if (!this.fx.writable(t.sheet)) return { getDataBodyRange: () => new FakeRange(this.fx, t.sheet, t.top + 1, t.left + t.cols, Math.max(1, t.rows - 1), 1) };
    const col = t.left + t.cols;
    t.cols++;
    const grid = values as Scalar[][] | undefined;
    this.fx.enter(this.fx.cell(t.sheet, t.top, col), name ?? grid?.[0][0] ?? `Column${t.cols}`, false);
    for (let r = 1; r < t.rows; r++) {
      const v = grid?.[r][0];
      if (v !== undefined) this.fx.enter(this.fx.cell(t.sheet, t.top + r, col), v, false, true);
    }
    const body = new FakeRange(this.fx, t.sheet, t.top + 1, col, t.rows - 1, 1);
    this.fx.record('addColumn', body, { name, values });
    return { getDataBodyRange: () => body };
  }
}

class FakeTableRows {
  constructor(private readonly fx: FakeExcel, private readonly table: () => TableData) {}
  /**
   * Append data rows (above the totals row, which moves down), one per row of `values`: "Adds one or more rows to
   * the table". Each new row takes the number formats of the row above, as a table row does. `values` are
   * "unformatted values", so they are parsed as if typed into a General cell — "00123" becomes the number 123 even
   * in a text column. Source: TableRowCollection.add, learn.microsoft.com/javascript/api/excel/
   * excel.tablerowcollection#excel-excel-tablerowcollection-add-member(1).
   */
  add(index?: number, values?: Scalar[][]): void {
    if (index !== undefined && index !== null && index !== -1) throw new Error('fake: rows.add only appends');
    const t = this.table();
    if (!this.fx.writable(t.sheet)) return;
    const count = Math.max(1, values?.length ?? 1);
    const row = t.top + t.rows - (t.totals ? 1 : 0);
    if (t.totals) {
      for (let c = t.left; c < t.left + t.cols; c++) {
        const cell = t.sheet.cells.get(key(row, c));
        if (cell) t.sheet.cells.set(key(row + count, c), cell);
        t.sheet.cells.delete(key(row, c));
      }
    }
    for (let r = row; r < row + count; r++) {
      for (let c = t.left; c < t.left + t.cols; c++) {
        const above = t.sheet.cells.get(key(row - 1, c));
        if (above && row - 1 > t.top) this.fx.cell(t.sheet, r, c).numberFormat = above.numberFormat;
      }
    }
    this.fx.growTable(t, count);
    (values ?? [[]]).forEach((line, r) => line.forEach((v, i) => this.fx.enter(this.fx.cell(t.sheet, row + r, t.left + i), v, false, true)));
    this.fx.record('addRow', new FakeRange(this.fx, t.sheet, row, t.left, count, t.cols), values);
  }
  getItemAt(i: number) {
    return {
      delete: () => {
        const t = this.table();
        const row = t.top + 1 + i;
        const sheet = t.sheet;
        const bottom = t.top + t.rows - 1;
        for (let r = row; r <= bottom; r++) {
          for (let c = t.left; c < t.left + t.cols; c++) {
            const below = sheet.cells.get(key(r + 1, c));
            if (r < bottom && below) sheet.cells.set(key(r, c), { ...below });
            else sheet.cells.delete(key(r, c));
          }
        }
        t.rows--;
        this.fx.record('deleteRow', new FakeRange(this.fx, sheet, row, t.left, 1, t.cols), i);
      },
    };
  }
}

export class FakeTable extends Loadable {
  constructor(fx: FakeExcel, private readonly data: TableData | null, private readonly lookup: string) {
    super(fx);
  }
  private t(): TableData {
    if (this.data) return this.data;
    this.fx.fail('ItemNotFound', `table ${this.lookup}`);
    return this.fx.scratchTable();
  }
  protected snapshot(prop: string): unknown {
    if (prop === 'name') return this.t().name;
    if (prop === 'showTotals') return Boolean(this.t().totals);
    throw new Error(`fake: table.${prop}`);
  }
  get showTotals(): boolean {
    return this.read('showTotals');
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    const t = this.t();
    this.fx.record('tableName', this.getRange(), v);
    t.name = v;
  }
  set style(v: string) {
    this.t().style = v;
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.fx, this.t().sheet);
  }
  get columns(): FakeTableColumns {
    return new FakeTableColumns(this.fx, () => this.t());
  }
  get rows(): FakeTableRows {
    return new FakeTableRows(this.fx, () => this.t());
  }
  getRange(): FakeRange {
    const t = this.t();
    return new FakeRange(this.fx, t.sheet, t.top, t.left, t.rows, t.cols);
  }
  /** The table's record (for the fake's own bookkeeping). */
  tableData(): TableData {
    return this.t();
  }
  /**
   * ExcelApi 1.13. Rule (Table.resize, learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-resize-member(1)):
   * the new range must overlap the old one and keep the header row in the same row; only growth is modelled here.
   */
  resize(newRange: string): void {
    const t = this.t();
    const p = parseAddress(newRange);
    if (p.top !== t.top || p.left !== t.left || p.cols !== t.cols || p.rows < t.rows) {
      this.fx.fail('InvalidArgument', `resize ${newRange}: header row and columns must stay`);
      return;
    }
    if (!this.fx.writable(t.sheet)) return;
    this.fx.growTable(t, p.rows - t.rows);
    this.fx.record('resizeTable', this.getRange(), newRange);
  }
  getHeaderRowRange(): FakeRange {
    const t = this.t();
    return new FakeRange(this.fx, t.sheet, t.top, t.left, 1, t.cols);
  }
  getDataBodyRange(): FakeRange {
    const t = this.t();
    return new FakeRange(this.fx, t.sheet, t.top + 1, t.left, t.rows - 1 - (t.totals ? 1 : 0), t.cols);
  }
  delete(): void {
    const t = this.t();
    this.fx.tables.splice(this.fx.tables.indexOf(t), 1);
    this.fx.record('deleteTable', this.getRange(), t.name);
  }
}

class FakeCollection<T extends Loadable> extends Loadable {
  constructor(fx: FakeExcel, private readonly list: () => Array<{ item: T; name: string }>) {
    super(fx);
  }
  protected snapshot(prop: string): unknown {
    if (prop !== 'items/name') throw new Error(`fake: collection ${prop}`);
    return this.list().map(({ item, name }) => {
      item.preset('name', name);
      return item;
    });
  }
  get items(): T[] {
    return this.read('items/name');
  }
}

class FakeTables extends FakeCollection<FakeTable> {
  constructor(private readonly fx2: FakeExcel, private readonly sheet: SheetData | null) {
    super(fx2, () => fx2.tables.filter((t) => !sheet || t.sheet === sheet).map((t) => ({ item: new FakeTable(fx2, t, t.name), name: t.name })));
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.fx2, this.fx2.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null, name);
  }
  add(address: string, hasHeaders: boolean): FakeTable {
    const p = parseAddress(address);
    const sheet = this.sheet ?? this.fx2.sheet(p.sheet ?? '');
    if (!sheet || !hasHeaders) throw new Error('fake: tables.add needs a sheet and headers');
    const clash = this.fx2.tables.find((t) => t.sheet === sheet && t.top < p.top + p.rows && p.top < t.top + t.rows && t.left < p.left + p.cols && p.left < t.left + t.cols);
    if (clash) throw new OfficeError('InvalidOperation', `table overlaps ${clash.name}`);
    const data: TableData = { name: `Table${this.fx2.tables.length + 1}`, sheet, top: p.top, left: p.left, rows: p.rows, cols: p.cols, style: '' };
    this.fx2.tables.push(data);
    const table = new FakeTable(this.fx2, data, data.name);
    this.fx2.record('addTable', table.getRange(), address);
    return table;
  }
}

class FakePivot extends Loadable {
  constructor(fx: FakeExcel, readonly data: PivotData, private readonly sheet: SheetData) {
    super(fx);
  }
  protected snapshot(prop: string): unknown {
    if (prop === 'name') return this.data.name;
    throw new Error(`fake: pivot.${prop}`);
  }
  get name(): string {
    return this.read('name');
  }
  /**
   * Rule (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-pivottables, "Hierarchies"): a hierarchy is
   * named by its source column's header text; a name the source table does not have fails with ItemNotFound.
   * Whether the lookup ignores case or spacing is not documented: the fake requires the exact text.
   */
  readonly hierarchies = {
    getItem: (name: string) => {
      if (!this.fx.sourceHeaders(this.data).includes(name)) this.fx.fail('ItemNotFound', `pivot hierarchy ${name}`);
      return { name };
    },
  };
  private axis(list: string[], filter = false) {
    return {
      add: (h: { name: string }) => {
        list.push(h.name);
        this.data.size = null;
        const f: { name: string; selected?: string[] } | null = filter ? { name: h.name } : null;
        if (f) this.data.filters.push(f);
        return {
          fields: {
            getItem: (field: string) => ({
              sortByValues: (direction: string, by: { name: string }) => this.data.sorts.push({ field, direction, by: by.name }),
              sortByLabels: (direction: string) => this.data.sorts.push({ field, direction, by: 'labels' }),
              /**
               * Rule (PivotManualFilter.selectedItems, learn.microsoft.com/javascript/api/excel/excel.pivotmanualfilter):
               * the items "must be existing and valid items from the chosen field"; applyFilter fails otherwise.
               */
              applyFilter: (flt: Excel.PivotFilters) => {
                const selected = (flt.manualFilter?.selectedItems ?? []).map(String);
                const items = new Set(this.fx.sourceItems(this.data, field));
                const missing = selected.filter((x) => !items.has(x));
                if (missing.length > 0) {
                  this.fx.fail('InvalidArgument', `applyFilter: ${missing.join(', ')} is not an item of ${field}`);
                  return;
                }
                if (f) f.selected = selected;
              },
            }),
          },
        };
      },
    };
  }
  get rowHierarchies() {
    return this.axis(this.data.rows);
  }
  get columnHierarchies() {
    return this.axis(this.data.columns);
  }
  get filterHierarchies() {
    return this.axis([], true);
  }
  get dataHierarchies() {
    return {
      add: (h: { name: string }) => {
        const d = { source: h.name, name: h.name, summarizeBy: 'Automatic', showAs: null as string | null, numberFormat: 'General' };
        this.data.data.push(d);
        this.data.size = null;
        return {
          set summarizeBy(v: string) { d.summarizeBy = v; },
          set showAs(v: { calculation: string }) { d.showAs = v.calculation; },
          set name(v: string) { d.name = v; },
          get name(): string { return d.name; },
          set numberFormat(v: string) { d.numberFormat = v; },
        };
      },
    };
  }
  get layout() {
    return {
      getRange: () => this.fx.pivotRange(this.sheet, this.data),
    };
  }
  delete(): void {
    this.sheet.pivots.splice(this.sheet.pivots.indexOf(this.data), 1);
    this.fx.record('deletePivot', new FakeRange(this.fx, this.sheet, 0, 0, 1, 1), this.data.name);
  }
}

class FakeChart extends Loadable {
  constructor(fx: FakeExcel, readonly data: ChartData, private readonly sheet: SheetData) {
    super(fx);
  }
  protected snapshot(prop: string): unknown {
    if (prop === 'name') return this.data.name;
    throw new Error(`fake: chart.${prop}`);
  }
  get name(): string {
    return this.read('name');
  }
  set name(v: string) {
    this.data.name = v;
  }
  get title() {
    const d = this.data;
    return { set text(v: string) { d.title = v; } };
  }
  setPosition(start: string, end: string): void {
    this.data.position = [start, end];
  }
  get series() {
    const d = this.data;
    const seriesObj = (s: ChartData['series'][number]) => ({
      setValues: (r: FakeRange) => { s.values = r.localAddress(); },
      setXAxisValues: (r: FakeRange) => { s.categories = r.localAddress(); },
      set name(v: string) { s.name = v; },
    });
    return {
      getItemAt: (i: number) => {
        while (d.series.length <= i) d.series.push({ name: '', values: '', categories: '' });
        return seriesObj(d.series[i]);
      },
      add: (name: string) => {
        const s = { name, values: '', categories: '' };
        d.series.push(s);
        return seriesObj(s);
      },
    };
  }
  delete(): void {
    this.sheet.charts.splice(this.sheet.charts.indexOf(this.data), 1);
    this.fx.record('deleteChart', new FakeRange(this.fx, this.sheet, 0, 0, 1, 1), this.data.name);
  }
}

export class FakeWorksheet extends Loadable {
  constructor(fx: FakeExcel, readonly data: SheetData) {
    super(fx);
  }
  protected snapshot(prop: string): unknown {
    if (prop === 'name') return this.data.name;
    throw new Error(`fake: worksheet.${prop}`);
  }
  get name(): string {
    return this.read('name');
  }
  getRange(address: string): FakeRange {
    const p = parseAddress(address);
    return new FakeRange(this.fx, this.data, p.top, p.left, p.rows, p.cols);
  }
  get tables(): FakeTables {
    return new FakeTables(this.fx, this.data);
  }
  get freezePanes() {
    return { freezeRows: (n: number) => { this.data.frozenRows = n; this.fx.record('freeze', this.getRange('A1'), n); } };
  }
  activate(): void {
    this.fx.activeSheet = this.data.name;
  }
  /**
   * Worksheet.getRangeByIndexes (ExcelApi 1.3): zero-based start row and column, then size —
   * learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getrangebyindexes-member(1).
   */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.fx, this.data, startRow, startColumn, rowCount, columnCount);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange & { isNullObject: boolean } {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const [k, c] of this.data.cells) {
      if (valuesOnly !== false && c.value === '' && !c.formula) continue;
      const [r, col] = k.split(',').map(Number);
      top = Math.min(top, r); left = Math.min(left, col); bottom = Math.max(bottom, r); right = Math.max(right, col);
    }
    const empty = bottom < 0;
    const range = empty ? new FakeRange(this.fx, this.data, 0, 0, 1, 1) : new FakeRange(this.fx, this.data, top, left, bottom - top + 1, right - left + 1);
    return Object.assign(range, { isNullObject: empty });
  }
  get pivotTables() {
    const fx = this.fx;
    const sheet = this.data;
    return Object.assign(new FakeCollection<FakePivot>(fx, () => sheet.pivots.map((p) => ({ item: new FakePivot(fx, p, sheet), name: p.name }))), {
      add: (name: string, source: FakeTable, destination: FakeRange) => {
        const p: PivotData = {
          name, source: source.getRange().localAddress(), sourceTable: source.tableData().name, size: null,
          destination: destination.localAddress(), rows: [], columns: [], filters: [], data: [], sorts: [],
        };
        sheet.pivots.push(p);
        fx.record('addPivot', destination, name);
        return new FakePivot(fx, p, sheet);
      },
      getItem: (name: string) => {
        const p = sheet.pivots.find((x) => x.name === name);
        if (!p) fx.fail('ItemNotFound', `pivot ${name}`);
        return new FakePivot(fx, p ?? { name, source: '', sourceTable: '', size: null, destination: 'A1', rows: [], columns: [], filters: [], data: [], sorts: [] }, sheet);
      },
    });
  }
  get charts() {
    const fx = this.fx;
    const sheet = this.data;
    return Object.assign(new FakeCollection<FakeChart>(fx, () => sheet.charts.map((c) => ({ item: new FakeChart(fx, c, sheet), name: c.name }))), {
      add: (type: string, source: FakeRange, seriesBy?: string) => {
        void seriesBy;
        const c: ChartData = { name: `Chart ${sheet.charts.length + 1}`, type, source: source.localAddress(), title: '', position: null, series: [] };
        // Rule (OfficeDev/office-js#419): a chart whose source touches a PivotTable is bound to the whole pivot and
        // plots every one of its data fields, whatever range was passed.
        const pivot = sheet.pivots.find((p) => fx.rangesMeet(fx.pivotRange(sheet, p), source));
        if (pivot) {
          c.boundPivot = pivot.name;
          c.series = pivot.data.map((d) => ({ name: d.name, values: `${pivot.name}[${d.name}]`, categories: pivot.rows.join(',') }));
        }
        sheet.charts.push(c);
        fx.record('addChart', source, type);
        return new FakeChart(fx, c, sheet);
      },
      getItem: (name: string) => {
        const c = sheet.charts.find((x) => x.name === name);
        if (!c) fx.fail('ItemNotFound', `chart ${name}`);
        return new FakeChart(fx, c ?? { name, type: '', source: '', title: '', position: null, series: [] }, sheet);
      },
    });
  }
}

/**
 * NamedItem: name and formula (a string starting with "="); the formula can be set since ExcelApi 1.7 —
 * learn.microsoft.com/javascript/api/excel/excel.nameditem#excel-excel-nameditem-formula-member.
 */
class FakeNamedItem extends Loadable {
  constructor(fx: FakeExcel, private readonly itemName: string) {
    super(fx);
  }
  protected snapshot(prop: string): unknown {
    if (prop === 'name') return this.itemName;
    if (prop === 'formula') {
      const f = this.fx.names.get(this.itemName) ?? '';
      return f.startsWith('=') ? f : `=${f}`;
    }
    throw new Error(`fake: namedItem.${prop}`);
  }
  get name(): string {
    return this.read('name');
  }
  get formula(): string {
    return this.read('formula');
  }
  set formula(v: string) {
    this.fx.setNameFormula(this.itemName, v);
  }
}

class FakeSetting extends Loadable {
  readonly isNullObjectAtCreation: boolean;
  constructor(fx: FakeExcel, private readonly name: string) {
    super(fx);
    this.isNullObjectAtCreation = !fx.settings.has(name);
  }
  protected snapshot(prop: string): unknown {
    if (prop === 'value') return this.fx.settings.get(this.name) ?? null;
    throw new Error(`fake: setting.${prop}`);
  }
  get value(): unknown {
    return this.read('value');
  }
  get isNullObject(): boolean {
    this.read('value');
    return this.isNullObjectAtCreation;
  }
  delete(): void {
    this.fx.settings.delete(this.name);
    this.fx.writes.push({ kind: 'settingDelete', sheet: '', address: this.name, data: null });
  }
}

export interface SyncStat {
  requestBytes: number;
  responseBytes: number;
}

export class FakeExcel {
  readonly sheets: SheetData[] = [];
  readonly tables: TableData[] = [];
  readonly names = new Map<string, string>();
  /** A named item's formula set through the API (one write, its bytes counted in the request). */
  setNameFormula(name: string, formula: string): void {
    this.names.set(name, formula);
    this.writes.push({ kind: 'nameFormula', sheet: '', address: name, data: formula });
    this.requestBytes += utf8Length(formula) + 32;
  }
  readonly settings = new Map<string, string>();
  readonly writes: WriteRecord[] = [];
  readonly syncStats: SyncStat[] = [];
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;
  refreshedAll = 0;
  /** Make every sync hang forever (Excel on the web under load). */
  hang = false;
  /** The next sync fails with this Office error code. */
  failNextSync: string | null = null;
  private pendingLoads: Array<{ snap: Map<string, unknown>; apply: () => void }> = [];
  private pendingError: OfficeError | null = null;
  private requestBytes = 0;
  private scratch: SheetData | null = null;

  get syncs(): number {
    return this.syncStats.length;
  }

  addSheet(name: string): SheetData {
    const s: SheetData = { name, cells: new Map(), widths: new Map(), frozenRows: 0, validations: [], conditionalFormats: [], pivots: [], charts: [] };
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  table(name: string): TableData | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheet: SheetData, r: number, c: number): Cell {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) {
      cell = { value: '', formula: null, numberFormat: 'General', fill: null, bold: false };
      sheet.cells.set(key(r, c), cell);
    }
    return cell;
  }

  /**
   * Type into a cell the way Excel parses input: learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values
   * (a string that starts with "=" is a formula) and Excel's own entry rules (a leading apostrophe or the Text
   * format "@" keeps text; digits become numbers; "+"/"-"/"@" start a formula). `unformatted`: the value is parsed
   * as in a General cell (rows.add, columns.add).
   */
  enter(cell: Cell, x: unknown, viaFormulas: boolean, unformatted = false): void {
    void viaFormulas;
    cell.formula = null;
    if (x === null || x === undefined || x === '') {
      cell.value = '';
      return;
    }
    if (typeof x !== 'string') {
      cell.value = typeof x === 'number' || typeof x === 'boolean' ? x : String(x);
      return;
    }
    if (x.startsWith("'")) {
      cell.value = x.slice(1);
      return;
    }
    if (cell.numberFormat === '@' && !unformatted) {
      cell.value = x;
      return;
    }
    if (x.startsWith('=')) {
      cell.formula = x;
      cell.value = '';
      return;
    }
    if (/^[+-]?\d+(\.\d+)?$/.test(x)) {
      cell.value = Number(x);
      return;
    }
    if (/^[+\-@]/.test(x)) {
      // Excel reads these as formulas: "-x" → #NAME?
      cell.formula = `=${x.replace(/^[+@]/, '')}`;
      cell.value = '#NAME?';
      return;
    }
    cell.value = x;
  }

  /** A cell's value, evaluating the calculated-column formulas the template writes. */
  valueAt(sheet: SheetData, r: number, c: number): Scalar {
    const cell = sheet.cells.get(key(r, c));
    if (!cell) return '';
    if (!cell.formula) return cell.value;
    const t = this.tables.find((x) => x.sheet === sheet && r > x.top && r < x.top + x.rows && c >= x.left && c < x.left + x.cols);
    const column = (headerText: string) => {
      if (!t) return '';
      for (let i = 0; i < t.cols; i++) if (String(this.valueAt(sheet, t.top, t.left + i)) === headerText) return this.valueAt(sheet, r, t.left + i);
      return '#REF!';
    };
    const flag = /^=IF\([^[]+\[\[#This Row\],\[([^\]]+)\]\]="([^"]+)",1,0\)$/.exec(cell.formula);
    if (flag) return column(flag[1]) === flag[2] ? 1 : 0;
    const month = /^=IF\([^[]+\[\[#This Row\],\[([^\]]+)\]\]="",""/.exec(cell.formula);
    if (month) {
      const d = column(month[1]);
      return typeof d === 'number' ? isoToSerial(monthOf(serialToIso(d))) : '';
    }
    return cell.value;
  }

  /**
   * Excel's table auto-expansion: content written in the row just below a table joins it.
   * Rule (learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins): writing below a table grows
   * it reliably only when no data validation sits below it, unless the validation covers whole columns. The fake
   * does not grow a table when a validation or conditional-format rule covers part of the row written below it.
   */
  autoExpand(range: FakeRange): void {
    for (const t of this.tables) {
      if (t.sheet !== range.sheet || range.top !== t.top + t.rows || t.totals) continue;
      if (range.left >= t.left + t.cols || range.left + range.cols <= t.left) continue;
      let any = false;
      for (let c = t.left; c < t.left + t.cols; c++) {
        const cell = t.sheet.cells.get(key(range.top, c));
        if (cell && (cell.value !== '' || cell.formula)) any = true;
      }
      const below = { top: range.top, left: t.left, rows: range.rows, cols: t.cols };
      const blocked = [...t.sheet.validations, ...t.sheet.conditionalFormats].some((v) => {
        const r = parseAddress(v.address);
        return r.rows < MAX_ROWS && this.rangesMeet(r, below);
      });
      if (any && !blocked) this.growTable(t, range.rows);
    }
  }

  /**
   * A table gains rows. Rules that cover exactly a table column's body grow with it (Excel extends a table
   * column's validation and formatting to new rows — the co-authoring page's recommended set-up).
   */
  growTable(t: TableData, n: number): void {
    const bodyTop = t.top + 1;
    const bodyBottom = t.top + t.rows - 1 - (t.totals ? 1 : 0);
    for (const list of [t.sheet.validations, t.sheet.conditionalFormats] as Array<Array<{ address: string }>>) {
      for (const v of list) {
        const r = parseAddress(v.address);
        if (r.top === bodyTop && r.top + r.rows - 1 === bodyBottom && r.left >= t.left && r.left + r.cols <= t.left + t.cols) {
          v.address = a1(r.top, r.left, r.rows + n, r.cols);
        }
      }
    }
    t.rows += n;
  }

  rangesMeet(a: { top: number; left: number; rows: number; cols: number }, b: { top: number; left: number; rows: number; cols: number }): boolean {
    return a.left < b.left + b.cols && b.left < a.left + a.cols && a.top < b.top + b.rows && b.top < a.top + a.rows;
  }

  /**
   * Rule (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets, "Data protection"; error code
   * AccessDenied in learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling): a protected sheet
   * refuses writes and the batch fails with AccessDenied.
   */
  writable(sheet: SheetData): boolean {
    if (!sheet.protected) return true;
    this.fail('AccessDenied', `sheet ${sheet.name} is protected`);
    return false;
  }

  /** Header texts of a pivot's source table. */
  sourceHeaders(p: PivotData): string[] {
    const t = this.table(p.sourceTable);
    return t ? this.headers(t.name) : [];
  }

  /** Distinct items of a source column as a pivot lists them (empty cells as "(blank)"), after the pivot's filters. */
  sourceItems(p: PivotData, field: string, filtered = false): string[] {
    const t = this.table(p.sourceTable);
    if (!t) return [];
    const headers = this.headers(t.name);
    const at = headers.indexOf(field);
    if (at < 0) return [];
    const item = (v: Scalar | undefined) => (v === '' || v === undefined ? '(blank)' : String(v));
    const rows = this.bodyValues(t.name).filter((r) => !filtered || p.filters.every((f) => !f.selected || f.selected.includes(item(r[headers.indexOf(f.name)]))));
    return [...new Set(rows.map((r) => item(r[at])))];
  }

  /**
   * Where a pivot sits: from its destination, as tall as its row items plus header and grand total (and the filter
   * area above them), as wide as its data fields times its column items. The exact chrome is not documented; the
   * sizes only need to grow with the data as Excel's do.
   */
  pivotRange(sheet: SheetData, p: PivotData): FakeRange {
    const size = p.size ?? this.pivotSize(p);
    const d = parseAddress(p.destination);
    return new FakeRange(this, sheet, d.top, d.left, size.rows, size.cols);
  }

  private pivotSize(p: PivotData): { rows: number; cols: number } {
    const rowItems = p.rows.length > 0 ? this.sourceItems(p, p.rows[0], true).length : 0;
    const colItems = p.columns.length > 0 ? this.sourceItems(p, p.columns[0], true).length : 0;
    const filterRows = p.filters.length > 0 ? p.filters.length + 1 : 0;
    return {
      rows: filterRows + 1 + (p.columns.length > 0 ? 1 : 0) + rowItems + 1,
      cols: 1 + Math.max(1, p.data.length) * (p.columns.length > 0 ? colItems + 1 : 1),
    };
  }

  /**
   * Rule (error code PivotTableRangeConflict, learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling):
   * a pivot built or refreshed so that it would overlap another pivot fails. Sizes are taken at the sync after a
   * build or refreshAll, as Excel lays a pivot out then.
   */
  private layoutPivots(): void {
    for (const sheet of this.sheets) {
      for (const p of sheet.pivots) if (!p.size) p.size = this.pivotSize(p);
      for (const a of sheet.pivots) {
        for (const b of sheet.pivots) {
          if (a !== b && this.rangesMeet(this.pivotRange(sheet, a), this.pivotRange(sheet, b))) {
            this.fail('PivotTableRangeConflict', `pivot ${a.name} would overlap ${b.name}`);
            return;
          }
        }
      }
    }
  }

  record(kind: string, range: FakeRange, data: unknown): void {
    this.writes.push({ kind, sheet: range.sheet.name, address: range.localAddress(), data });
    this.requestBytes += utf8Length(data ?? null) + 32;
  }

  queueLoad(snap: Map<string, unknown>, apply: () => void): void {
    this.pendingLoads.push({ snap, apply });
    this.requestBytes += 32;
  }

  fail(code: string, message: string): void {
    if (!this.pendingError) this.pendingError = new OfficeError(code, message);
  }

  scratchTable(): TableData {
    if (!this.scratch) this.scratch = { name: '(scratch)', cells: new Map(), widths: new Map(), frozenRows: 0, validations: [], conditionalFormats: [], pivots: [], charts: [] };
    return { name: '(missing)', sheet: this.scratch, top: 0, left: 0, rows: 2, cols: 1, style: '' };
  }

  async sync(): Promise<void> {
    if (this.hang) return new Promise<void>(() => undefined);
    const loads = this.pendingLoads;
    this.pendingLoads = [];
    this.layoutPivots();
    const responseBytes = loads.reduce((n, l) => n + utf8Length([...l.snap.entries()].map(([k, v]) => [k, v instanceof Loadable ? null : Array.isArray(v) && v[0] instanceof Loadable ? v.length : v])), 0);
    const requestBytes = this.requestBytes;
    this.syncStats.push({ requestBytes, responseBytes });
    this.requestBytes = 0;
    const failure = this.failNextSync;
    this.failNextSync = null;
    if (failure) throw new OfficeError(failure, `sync failed: ${failure}`);
    if (this.pendingError) {
      const e = this.pendingError;
      this.pendingError = null;
      throw e;
    }
    // Rule (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization, "Excel
    // add-ins"): Excel on the web refuses a request or a response over 5 MB. The fake models the strictest host.
    // (Its writes are applied when queued, so a refused request here leaves them in place; tests assert the error.)
    if (requestBytes > PAYLOAD_LIMIT) throw new OfficeError('RequestPayloadSizeLimitExceeded', `request of ${requestBytes} bytes`);
    if (responseBytes > PAYLOAD_LIMIT) throw new OfficeError('ResponsePayloadSizeLimitExceeded', `response of ${responseBytes} bytes`);
    for (const l of loads) l.apply();
  }

  /** The fake as the request context our code expects (the one cast: the fake covers only what src/excel uses). */
  context(): Excel.RequestContext {
    const fx = this;
    const workbook = {
      get worksheets() {
        return Object.assign(new FakeCollection<FakeWorksheet>(fx, () => fx.sheets.map((s) => ({ item: new FakeWorksheet(fx, s), name: s.name }))), {
          add: (name: string) => {
            if (fx.sheet(name)) throw new OfficeError('ItemAlreadyExists', `sheet ${name}`);
            const s = fx.addSheet(name);
            fx.writes.push({ kind: 'addSheet', sheet: name, address: '', data: name });
            return new FakeWorksheet(fx, s);
          },
          getItem: (name: string) => {
            const s = fx.sheet(name);
            if (!s) {
              fx.fail('ItemNotFound', `sheet ${name}`);
              return new FakeWorksheet(fx, fx.scratchTable().sheet);
            }
            return new FakeWorksheet(fx, s);
          },
        });
      },
      get tables() {
        return new FakeTables(fx, null);
      },
      get names() {
        return Object.assign(new FakeCollection(fx, () => [...fx.names.keys()].map((n) => ({ item: new FakeNamedItem(fx, n), name: n }))), {
          add: (name: string, formula: string) => {
            if (fx.names.has(name)) throw new OfficeError('ItemAlreadyExists', `name ${name}`);
            fx.names.set(name, formula);
            fx.writes.push({ kind: 'addName', sheet: '', address: name, data: formula });
          },
        });
      },
      get settings() {
        return {
          add: (name: string, value: string) => {
            fx.settings.set(name, value);
            fx.writes.push({ kind: 'setting', sheet: '', address: name, data: value });
            fx.requestBytes += value.length;
          },
          getItemOrNullObject: (name: string) => new FakeSetting(fx, name),
        };
      },
      get pivotTables() {
        return {
          refreshAll: () => {
            fx.refreshedAll++;
            for (const sh of fx.sheets) for (const p of sh.pivots) p.size = null;
          },
        };
      },
    };
    const ctx = { workbook, sync: () => fx.sync() };
    return ctx as unknown as Excel.RequestContext;
  }

  /**
   * A RunFn over this fake (what OfficeWorkbook gets instead of Excel.run), called as Excel.run({ delayForCellEdit:
   * true }). Rule (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit): while the user
   * edits a cell such a batch waits, and runs when the edit ends; a caller's time-out does not cancel it.
   */
  readonly run: RunFn = (batch) => {
    if (!this.editing) return batch(this.context());
    return new Promise((resolve, reject) => this.delayed.push(() => batch(this.context()).then(resolve, reject)));
  };

  /** The user is in cell-edit mode: batches wait (see run). */
  editing = false;
  private delayed: Array<() => Promise<void>> = [];

  /** The user leaves the cell: the waiting batches run, in order. */
  async finishEdit(): Promise<void> {
    this.editing = false;
    const waiting = this.delayed;
    this.delayed = [];
    for (const b of waiting) await b();
  }

  /** Test helpers: a table's header texts and data rows as values. */
  headers(tableName: string): string[] {
    const t = this.table(tableName)!;
    return Array.from({ length: t.cols }, (_, i) => String(this.valueAt(t.sheet, t.top, t.left + i)));
  }

  bodyValues(tableName: string): Scalar[][] {
    const t = this.table(tableName)!;
    return Array.from({ length: t.rows - 1 }, (_, r) => Array.from({ length: t.cols }, (_, c) => this.valueAt(t.sheet, t.top + 1 + r, t.left + c)));
  }

  cellOf(sheet: string, address: string): Cell | undefined {
    const s = this.sheet(sheet)!;
    const p = parseAddress(address);
    return s.cells.get(key(p.top, p.left));
  }

  /** Put a table with data straight into the fake (a workbook as the user left it). */
  putTable(sheetName: string, name: string, at: string, rows: Scalar[][], formats?: string[]): TableData {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const p = parseAddress(at);
    rows.forEach((row, r) => row.forEach((v, c) => {
      const cell = this.cell(sheet, p.top + r, p.left + c);
      if (formats && r > 0) cell.numberFormat = formats[c] ?? 'General';
      if (typeof v === 'string' && v.startsWith('=')) cell.formula = v;
      else cell.value = v;
    }));
    const t: TableData = { name, sheet, top: p.top, left: p.left, rows: rows.length, cols: rows[0].length, style: '' };
    this.tables.push(t);
    return t;
  }

  resetCounters(): void {
    this.syncStats.length = 0;
    this.writes.length = 0;
  }
}
