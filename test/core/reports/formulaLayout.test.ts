import { aggregate, reportTotal, type ReportRow } from '../../../src/core/reports/aggregate';
import { BLANK_KEY, REPORTS, reportDef } from '../../../src/core/reports/definitions';
import { DAILY_WINDOW_DAYS, a1, criterion, formulaBlock, type ReportBlock } from '../../../src/core/reports/formulaLayout';
import { planReportSheet, overlaps, SHEET_ORDER } from '../../../src/core/reports/sheetPlan';
import { REPORT_IDS } from '../../../src/core/reportIds';
import { COLUMNS, LOG_TABLE, defaultListValues, header, type Lang, type ListValues } from '../../../src/core/schema';
import { isoToSerial, serialToIso } from '../../../src/core/dates';
import { generateRows, SAMPLE_LISTS, toRawRow } from '../../support/generateRows';
import { cellValue, type Sheet } from './miniFormula';

const LANGS: Lang[] = ['zh-CN', 'en-US'];
const formulasOf = (b: ReportBlock): string[] => b.cells.filter((c) => c.formula).map((c) => c.formula as string);

describe('formula blocks', () => {
  test.each(LANGS.flatMap((lang) => REPORT_IDS.map((id) => [lang, id] as const)))('%s %s: references only this language\'s headers', (lang, id) => {
    const block = formulaBlock(id, lang, defaultListValues(), { row: 1, col: 1 });
    const own = new Set(COLUMNS.map((c) => header(c.key, lang)));
    const refs = formulasOf(block).flatMap((f) => [...f.matchAll(new RegExp(`${LOG_TABLE}\\[([^\\]]+)\\]`, 'g'))].map((m) => m[1]));
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(own.has(r)).toBe(true);
    // The report's row field is what it groups by.
    expect(refs).toContain(header(reportDef(id).rows, lang));
  });

  test('no [@col], no newer functions, every formula starts with = and has balanced parentheses', () => {
    for (const lang of LANGS) {
      for (const s of planReportSheet(lang, SAMPLE_LISTS).slots) {
        for (const f of formulasOf(s.block)) {
          expect(f.startsWith('=')).toBe(true);
          expect(f).not.toContain('[@');
          expect(f).not.toMatch(/\b(LET|FILTER|SORT|XLOOKUP|UNIQUE|TEXT|_xlfn)\b/);
          const noStrings = f.replace(/"(?:[^"]|"")*"/g, '');
          expect(noStrings.split('(').length).toBe(noStrings.split(')').length);
        }
      }
    }
  });

  test('every list value has a row (an agency\'s own products and agents too), then a totals row', () => {
    const lists: ListValues = { ...defaultListValues(), product: ['P1', 'P2', 'P3', 'P4'], agent: ['甲', '乙', '丙'] };
    for (const def of REPORTS) {
      const b = formulaBlock(def.id, 'zh-CN', lists, { row: 5, col: 3 });
      const expected = def.rowList ? lists[def.rowList] : new Array(DAILY_WINDOW_DAYS).fill(null);
      expect(b.dataRows.map((r) => r.key)).toEqual(expected);
      const last = b.dataRows[b.dataRows.length - 1].row;
      expect(b.totalRow).toBe(last + 1);
      const totalCells = b.cells.filter((c) => c.row === b.totalRow);
      expect(totalCells.every((c) => c.style === 'total')).toBe(true);
      expect(totalCells.filter((c) => c.formula).length).toBe(b.valueColumns.length);
      // Every data row has one formula per value column.
      for (const r of b.dataRows) expect(b.cells.filter((c) => c.row === r.row && c.formula && c.col !== b.keyCol).length).toBe(b.valueColumns.length);
      // All cells inside the block's range.
      for (const c of b.cells) {
        expect(c.row).toBeGreaterThanOrEqual(b.range.top);
        expect(c.row).toBeLessThanOrEqual(b.range.bottom);
        expect(c.col).toBeGreaterThanOrEqual(b.range.left);
        expect(c.col).toBeLessThanOrEqual(b.range.right);
      }
    }
    const followUp = formulaBlock('followUp', 'zh-CN', lists, { row: 1, col: 1 });
    expect(followUp.valueColumns.map((v) => v.column ?? 'total')).toEqual(['甲', '乙', '丙', 'total']);
  });

  test('en-US shows English labels but matches the canonical values', () => {
    const b = formulaBlock('channel', 'en-US', defaultListValues(), { row: 1, col: 1 });
    const wechat = b.dataRows.find((r) => r.key === '微信')!;
    expect(b.cells.find((c) => c.row === wechat.row && c.col === 1)?.value).toBe('WeChat');
    expect(b.cells.find((c) => c.row === wechat.row && c.col === 2)?.formula).toBe(`=COUNTIFS(${LOG_TABLE}[Channel],"微信")`);
    expect(b.cells.find((c) => c.row === wechat.row && c.col === 4)?.formula).toBe(`=IFERROR(C${wechat.row}/B${wechat.row},"")`);
    expect(b.cells.find((c) => c.row === b.totalRow && c.col === 4)?.numberFormat).toBe('0.0%');
  });

  test('criteria escape wildcards, leading operators and quotes', () => {
    expect(criterion('微信')).toBe('"微信"');
    expect(criterion('A*B?~')).toBe('"A~*B~?~~"');
    expect(criterion('>50cm')).toBe('"=>50cm"');
    expect(criterion('5" tube')).toBe('"5"" tube"');
  });
});

/** Evaluate a block over a log and read back its values by key, to compare with the TypeScript aggregation. */
function sheetFor(rows: ReturnType<typeof generateRows>, lang: Lang, blocks: ReportBlock[], today: string): Sheet {
  const table: Record<string, (string | number | null)[]> = {};
  COLUMNS.forEach((c) => (table[header(c.key, lang)] = []));
  for (const e of rows) {
    const raw = toRawRow(e, lang) as (string | number | null)[];
    COLUMNS.forEach((c, i) => table[header(c.key, lang)].push(raw[i]));
  }
  const formulas = new Map<string, string>();
  const cells = new Map<string, string | number | null>();
  for (const b of blocks) {
    for (const c of b.cells) {
      if (c.formula) formulas.set(a1(c.row, c.col), c.formula);
      else cells.set(a1(c.row, c.col), c.value ?? null);
    }
  }
  return { table, formulas, cells, today: isoToSerial(today) };
}

describe('formula blocks compute what the TypeScript aggregation computes', () => {
  const rows = generateRows(1500, 3, { endDate: '2026-06-30', days: 90 });
  const results = aggregate(rows, { lists: SAMPLE_LISTS });

  test.each(LANGS)('%s: every data cell and every total equals the aggregation', (lang) => {
    const plan = planReportSheet(lang, SAMPLE_LISTS);
    const sheet = sheetFor(rows, lang, plan.slots.map((s) => s.block), '2026-11-24');
    let compared = 0;
    for (const { block } of plan.slots) {
      const def = reportDef(block.id);
      const got: ReportRow[] = results[block.id];
      for (const r of block.dataRows) {
        const key = r.key ?? serialToIso(cellValue(sheet, a1(r.row, block.keyCol)) as number);
        for (const vc of block.valueColumns) {
          const actual = cellValue(sheet, a1(r.row, vc.col));
          let expected: number | null | undefined;
          if (def.columns) {
            const cells = got.filter((x) => x.key === key && (vc.total || x.column === vc.column));
            expected = cells.reduce((s, x) => s + ((x as unknown as Record<string, number>)[vc.value] ?? 0), 0);
          } else {
            const row = got.find((x) => x.key === key);
            expected = row ? (row as unknown as Record<string, number | null>)[vc.value] : vc.value === 'conversion' || vc.value === 'share' ? null : 0;
          }
          if (expected === null) expect(actual).toBe('');
          else expect(actual).toBeCloseTo(expected as number, 6);
          compared++;
        }
      }
      // Totals row (daily: the window's own sum).
      const total = reportTotal(block.id, block.id === 'daily' ? got.filter((x) => x.key >= serialToIso(cellValue(sheet, a1(block.dataRows[0].row, 1)) as number)) : got);
      for (const vc of block.valueColumns.filter((v) => !def.columns || v.total)) {
        const actual = cellValue(sheet, a1(block.totalRow, vc.col));
        expect(actual).toBeCloseTo((total as unknown as Record<string, number>)[vc.value], 6);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(400);
    // The daily window ends at the latest logged date.
    const daily = plan.slots.find((s) => s.id === 'daily')!.block;
    expect(serialToIso(cellValue(sheet, a1(daily.dataRows[daily.dataRows.length - 1].row, 1)) as number)).toBe('2026-06-30');
  });

  test('customerMix blank column holds the 否 rows (no deal type)', () => {
    const plan = planReportSheet('zh-CN', SAMPLE_LISTS);
    const sheet = sheetFor(rows, 'zh-CN', plan.slots.map((s) => s.block), '2026-11-24');
    const block = plan.slots.find((s) => s.id === 'customerMix')!.block;
    const blankInq = block.valueColumns.find((v) => v.value === 'inquiries' && v.column === BLANK_KEY)!;
    expect(cellValue(sheet, a1(block.totalRow, blankInq.col))).toBe(rows.filter((e) => e.dealType === null).length);
  });

  test('an empty log: zero counts, blank conversions, the daily window ends today', () => {
    const plan = planReportSheet('zh-CN', SAMPLE_LISTS);
    const sheet = sheetFor([], 'zh-CN', plan.slots.map((s) => s.block), '2026-11-24');
    const ch = plan.slots.find((s) => s.id === 'channel')!.block;
    expect(cellValue(sheet, a1(ch.totalRow, 2))).toBe(0);
    expect(cellValue(sheet, a1(ch.totalRow, 4))).toBe('');
    const daily = plan.slots.find((s) => s.id === 'daily')!.block;
    expect(serialToIso(cellValue(sheet, a1(daily.dataRows[DAILY_WINDOW_DAYS - 1].row, 1)) as number)).toBe('2026-11-24');
  });
});

describe('planReportSheet', () => {
  test.each(LANGS)('%s: no two slots, blocks or charts overlap; charts sit inside their slot', (lang) => {
    const lists = { ...SAMPLE_LISTS, product: Array.from({ length: 40 }, (_, i) => `P${i}`) };
    const plan = planReportSheet(lang, lists);
    expect(plan.slots.map((s) => s.id)).toEqual(SHEET_ORDER);
    expect([...SHEET_ORDER].sort()).toEqual([...REPORT_IDS].sort());
    const rects = plan.slots.flatMap((s) => [
      { id: s.id, what: 'block', r: s.block.range },
      ...(s.block.chart ? [{ id: s.id, what: 'chart', r: s.block.chart.placement }] : []),
    ]);
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        expect({ pair: `${rects[i].id}.${rects[i].what} × ${rects[j].id}.${rects[j].what}`, overlap: overlaps(rects[i].r, rects[j].r) }).toEqual(
          expect.objectContaining({ overlap: false }),
        );
      }
    }
    for (let i = 0; i < plan.slots.length; i++) {
      const s = plan.slots[i];
      for (let j = i + 1; j < plan.slots.length; j++) expect(overlaps(s.reserved, plan.slots[j].reserved)).toBe(false);
      expect(overlaps(s.block.range, s.reserved)).toBe(true);
      if (s.block.chart) {
        const c = s.block.chart.placement;
        expect(c.top >= s.reserved.top && c.bottom <= s.reserved.bottom && c.right <= s.reserved.right).toBe(true);
      }
      expect(s.block.chart === undefined).toBe(reportDef(s.id).chart === 'none');
    }
    // Products (a user list) keep room to grow before the next report.
    const products = plan.slots.find((s) => s.id === 'products')!;
    const next = plan.slots[plan.slots.indexOf(products) + 1];
    expect(next.anchor.row - products.block.range.bottom).toBeGreaterThan(20);
    expect(plan.slots[plan.slots.length - 1].id).toBe('daily');
  });

  test('overlaps() detects touching corners and rejects neighbours', () => {
    expect(overlaps({ top: 1, left: 1, bottom: 5, right: 5 }, { top: 5, left: 5, bottom: 9, right: 9 })).toBe(true);
    expect(overlaps({ top: 1, left: 1, bottom: 5, right: 5 }, { top: 6, left: 1, bottom: 9, right: 5 })).toBe(false);
    expect(overlaps({ top: 1, left: 1, bottom: 5, right: 5 }, { top: 1, left: 6, bottom: 5, right: 9 })).toBe(false);
  });

  test('chart series point at the plotted value columns', () => {
    const plan = planReportSheet('zh-CN', SAMPLE_LISTS);
    const mix = plan.slots.find((s) => s.id === 'customerMix')!.block.chart!;
    expect(mix.kind).toBe('stackedColumn');
    expect(mix.series.map((s) => s.name)).toEqual(['零售', '批发', '分销代发', '定制/预售', '（空白）']);
    const ch = plan.slots.find((s) => s.id === 'channel')!.block;
    expect(ch.chart!.series.map((s) => s.name)).toEqual(['询盘数', '成交数']);
    expect(ch.chart!.categories).toEqual({ top: ch.dataRows[0].row, left: 1, bottom: ch.dataRows[ch.dataRows.length - 1].row, right: 1 });
  });
});
