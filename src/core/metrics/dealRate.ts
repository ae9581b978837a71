/**
 * DEAL_RATE: the share of deals among logged inquiries, read straight from a 是否成交 column (e.g.
 * `询盘统计[是否成交]`), optionally filtered like COUNTIFS. Blank cells are not inquiries and count nowhere; among
 * the cells that meet every criterion, rate = 是 ÷ (是 + 否). No such cell → #DIV/0!.
 * Built for whole columns: criteria are compiled once and the scan is a plain loop (≈ tens of millions of cells/s).
 */
import { functionsText as M } from '../i18n/functions';
import { fail } from './errors';
import { finite, plainValue, show } from './inputs';
import { compileCriterion, type Predicate } from './criteria';
import { text, type FunctionSpec, type ParamSpec } from './spec';

const P: Record<'dealRange' | 'criteriaPairs', ParamSpec> = {
  dealRange: {
    name: 'deal_range',
    label: text('成交列', 'deal_range'),
    description: text(
      '是否成交列，请引用表格列 询盘统计[是否成交]（是/否、Yes/No、TRUE/FALSE、1/0；空白忽略，但桌面版 Excel 把空白当作 0）',
      'The deal table column, e.g. 询盘统计[是否成交] (是/否, Yes/No, TRUE/FALSE, 1/0; blanks ignored, but desktop Excel passes them as 0)',
    ),
  },
  criteriaPairs: {
    name: 'criteria_pairs',
    label: text('条件', 'criteria_pairs'),
    description: text(
      '可选，成对给出：条件区域, 条件（同 COUNTIFS，如 询盘统计[询盘渠道], "微信"）',
      'Optional pairs: criteria_range, criteria (as in COUNTIFS, e.g. 询盘统计[询盘渠道], "WeChat")',
    ),
    optional: true,
    repeating: true,
  },
};

const YES = 1;
const NO = 0;
const BLANK = -1;
const BAD = -2;

/** 是/否 in every spelling the template, other tools and Excel itself produce. */
const WORDS: Record<string, number> = {
  是: YES,
  否: NO,
  yes: YES,
  no: NO,
  y: YES,
  n: NO,
  true: YES,
  false: NO,
  '1': YES,
  '0': NO,
};

function classify(cell: unknown): number {
  // The template's own values first: the common case costs two comparisons.
  if (cell === '是') return YES;
  if (cell === '否') return NO;
  if (cell === null || cell === undefined || cell === '') return BLANK;
  if (typeof cell === 'boolean') return cell ? YES : NO;
  if (typeof cell === 'number') return cell === 1 ? YES : cell === 0 ? NO : BAD;
  if (typeof cell === 'string') {
    const key = cell.trim().toLowerCase();
    if (key === '') return BLANK;
    const found = WORDS[key];
    return found === undefined ? BAD : found;
  }
  // An Excel data-type value (see plainValue): classify what it stands for.
  if (cell !== null && typeof cell === 'object' && !Array.isArray(cell)) {
    const plain = plainValue(cell);
    if (plain !== cell) return classify(plain);
  }
  return BAD;
}

type Grid = readonly (readonly unknown[])[];

/**
 * A range argument as rows of cells; a single value (one cell) becomes a 1×1 grid. Excel's any[][] is used as it is
 * (no copy of a million rows); only a flat list, as code may pass, is turned into one column.
 */
function asGrid(value: unknown): Grid {
  if (!Array.isArray(value)) return [[value]];
  return value.every(Array.isArray) ? (value as Grid) : value.map((row) => (Array.isArray(row) ? row : [row]));
}

function width(grid: Grid): number {
  return grid.length === 0 ? 0 : grid[0].length;
}

function sameShape(a: Grid, b: Grid): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) if (a[r].length !== b[r].length) return false;
  return true;
}

/** A criterion arrives as a value, or as a 1×1 range when Excel passes it through a repeating range parameter. */
function singleValue(value: unknown, index: number): unknown {
  if (!Array.isArray(value)) return plainValue(value);
  const grid = asGrid(value);
  if (grid.length === 1 && grid[0].length === 1) return plainValue(grid[0][0]);
  return fail('#VALUE!', M.criterionNotSingle, { index });
}

interface Filter {
  grid: Grid;
  test: Predicate;
}

function compileFilters(deal: Grid, pairs: readonly unknown[]): Filter[] {
  if (pairs.length % 2 !== 0) fail('#VALUE!', M.criteriaPairs, { count: pairs.length });
  const filters: Filter[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const index = i / 2 + 1;
    const grid = asGrid(pairs[i]);
    if (!sameShape(grid, deal)) {
      fail('#VALUE!', M.shapeMismatch, {
        index,
        rows: grid.length,
        cols: width(grid),
        dealRows: deal.length,
        dealCols: width(deal),
      });
    }
    filters.push({ grid, test: compileCriterion(singleValue(pairs[i + 1], index)) });
  }
  return filters;
}

export interface DealCounts {
  deals: number;
  /** Non-blank cells that met every criterion. */
  total: number;
}

/** Counts 是 and non-blank cells among those meeting every criterion; a cell that is not 是/否 → #VALUE!. */
export function countDeals(dealRange: unknown, ...criteriaPairs: unknown[]): DealCounts {
  const deal = asGrid(dealRange);
  const filters = compileFilters(deal, criteriaPairs);
  let deals = 0;
  let total = 0;
  for (let r = 0; r < deal.length; r++) {
    const row = deal[r];
    cells: for (let c = 0; c < row.length; c++) {
      for (let f = 0; f < filters.length; f++) {
        let value = filters[f].grid[r][c];
        if (value !== null && typeof value === 'object') value = plainValue(value);
        if (!filters[f].test(value)) continue cells;
      }
      const kind = classify(row[c]);
      if (kind === BLANK) continue;
      if (kind === BAD) {
        fail('#VALUE!', M.badDealCell, { param: P.dealRange.label, row: r + 1, col: c + 1, value: show(row[c]) });
      }
      total++;
      deals += kind;
    }
  }
  return { deals, total };
}

export function dealRate(dealRange: unknown, ...criteriaPairs: unknown[]): number {
  const { deals, total } = countDeals(dealRange, ...criteriaPairs);
  if (total === 0) fail('#DIV/0!', M.noDealCells, { param: P.dealRange.label });
  return finite(deals / total);
}

export const dealRateCatalog: FunctionSpec[] = [
  {
    id: 'DEAL_RATE',
    jsName: 'dealRate',
    family: 'dealRate',
    name: text('成交率', 'DEAL_RATE'),
    description: text(
      '询盘成交率 = 是否成交列中“是”的个数 ÷ 非空单元格数，可加 COUNTIFS 式条件',
      'Inquiry deal rate: share of 是 (yes) among the non-blank cells of a deal column, with optional COUNTIFS-style criteria',
    ),
    basis: text(
      '成交率 = “是”的个数 ÷（“是”+“否”的个数），按询盘记录（每行一次询盘）计算，空白行不计；条件与 COUNTIFS 相同（精确匹配不区分大小写，支持 >=、<>、通配符 * 和 ?）。与报表中“成交标记”的平均值一致。注意：Excel 桌面版会把区域中的空白单元格以 0 传给函数（计为“否”，拉低成交率），请引用表格列（如 询盘统计[是否成交]），不要引用整列，也不要留空行。',
      'Deal rate = count of 是 ÷ count of 是 and 否, per logged inquiry (one row each), blank rows not counted; criteria work as in COUNTIFS (case-insensitive match, >=, <>, wildcards * and ?). It equals the average of the 成交标记 (deal flag) column in the reports. Note: Excel desktop passes empty cells of a range as 0 (counted as 否, which lowers the rate), so point it at a table column (e.g. 询盘统计[是否成交]) rather than a whole sheet column, and leave no blank rows.',
    ),
    params: [P.dealRange, P.criteriaPairs],
    example: '=SHOP.DEAL_RATE(询盘统计[是否成交], 询盘统计[询盘渠道], "微信")',
  },
];
