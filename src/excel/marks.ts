/**
 * Highlight invalid cells and take the highlight away again without touching the user's own fills.
 * What we marked, and each cell's fill before we marked it, is remembered in a workbook setting
 * (ShopStats_Marks): clearing restores exactly those cells to exactly their old fill, even after the pane reloads.
 * Round trips for markCells: 1 read (the setting and the current fills of the new cells, in one batch),
 * 1 write (restore old marks, fill new ones, save the setting); +1 read of the log's layout when no readLog ran.
 */
import { HIGHLIGHT_FILL } from '../core/template';
import type { CellRef } from '../core/workbook';
import { cellA1 } from './addresses';
import { ensureLayout, type LogLayout } from './layout';
import type { RunFn } from './run';

export const MARKS_SETTING = 'ShopStats_Marks';
/** More marks than this add nothing for the user and only slow the workbook. */
export const MAX_MARKS = 2000;

export interface MarkRecord {
  /** Sheet name. */
  s: string;
  /** A1 address of the cell. */
  a: string;
  /** The fill before we marked it; null when the cell had none. */
  f: string | null;
}

export function parseMarks(value: unknown): MarkRecord[] {
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (r): r is MarkRecord => typeof r === 'object' && r !== null && typeof (r as MarkRecord).s === 'string' && typeof (r as MarkRecord).a === 'string',
    );
  } catch {
    return [];
  }
}

/** Excel reports an unfilled cell as white; restoring "white" would paint it, so white means "no fill". */
function originalFill(color: string | null | undefined): string | null {
  if (!color || color.toUpperCase() === '#FFFFFF') return null;
  return color;
}

function restore(ctx: Excel.RequestContext, records: readonly MarkRecord[], keep: ReadonlySet<string>): void {
  for (const r of records) {
    if (keep.has(`${r.s}!${r.a}`)) continue;
    const fillFormat = ctx.workbook.worksheets.getItem(r.s).getRange(r.a).format.fill;
    if (r.f) fillFormat.color = r.f;
    else fillFormat.clear();
  }
}

export function cellAddress(layout: LogLayout, cell: CellRef): string | null {
  const at = layout.positions[cell.key];
  if (at === undefined) return null;
  return cellA1(layout.bodyRow + cell.rowIndex, layout.firstColumn + at);
}

export async function markCells(run: RunFn, cells: readonly CellRef[], cached: LogLayout | null): Promise<LogLayout> {
  const lay = await ensureLayout(run, cached);
  const addresses = [...new Set(cells.slice(0, MAX_MARKS).map((c) => cellAddress(lay, c)).filter((a): a is string => a !== null))];
  await run(async (ctx) => {
    const setting = ctx.workbook.settings.getItemOrNullObject(MARKS_SETTING).load('value');
    const sheet = ctx.workbook.worksheets.getItem(lay.sheet);
    const fills = addresses.map((a) => sheet.getRange(a).format.fill.load('color'));
    await ctx.sync();

    const previous = setting.isNullObject ? [] : parseMarks(setting.value);
    const before = new Map(previous.map((r) => [`${r.s}!${r.a}`, r.f]));
    const records: MarkRecord[] = addresses.map((a, i) => {
      const key = `${lay.sheet}!${a}`;
      // A cell we had already marked shows our colour now; its original fill is the one recorded then.
      return { s: lay.sheet, a, f: before.has(key) ? before.get(key)! : originalFill(fills[i].color) };
    });
    restore(ctx, previous, new Set(records.map((r) => `${r.s}!${r.a}`)));
    for (const a of addresses) sheet.getRange(a).format.fill.color = HIGHLIGHT_FILL;
    ctx.workbook.settings.add(MARKS_SETTING, JSON.stringify(records));
    await ctx.sync();
  });
  return lay;
}

export async function clearMarks(run: RunFn): Promise<void> {
  await run(async (ctx) => {
    const setting = ctx.workbook.settings.getItemOrNullObject(MARKS_SETTING).load('value');
    await ctx.sync();
    if (setting.isNullObject) return;
    restore(ctx, parseMarks(setting.value), new Set());
    setting.delete();
    await ctx.sync();
  });
}
