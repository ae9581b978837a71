/**
 * Workbook state and the template stamp (META_TABLE on 字典), plus the dictionary lists as the workbook has them.
 * Round trips: 1 (which tables exist) + 1 (log size, stamp or list contents) when there is something to read.
 */
import { isBlankRow } from '../core/logCells';
import { mapHeaders, LISTS, LIST_KEYS, LOG_TABLE, META_KEYS, META_TABLE, defaultListValues, type ListValues } from '../core/schema';
import { metaFromRows } from '../core/templatePlan';
import type { WorkbookState } from '../core/workbook';
import type { Capabilities } from './requirements';
import type { RunFn } from './run';

export async function getState(run: RunFn, caps: Capabilities): Promise<WorkbookState> {
  return run(async (ctx) => {
    const tables = ctx.workbook.tables.load('items/name');
    await ctx.sync();
    const names = new Set(tables.items.map((t) => t.name));
    const state: WorkbookState = { host: 'excel', templatePresent: names.has(LOG_TABLE), templateVersion: null, agency: null, client: null, logRows: 0, pivotSupported: caps.pivots };
    if (!names.has(LOG_TABLE) && !names.has(META_TABLE)) return state;
    const log = names.has(LOG_TABLE) ? ctx.workbook.tables.getItem(LOG_TABLE) : null;
    const body = log ? log.getDataBodyRange().load('rowCount') : null;
    const header = log ? log.getHeaderRowRange().load('values') : null;
    const last = log ? log.getDataBodyRange().getLastRow().load('values') : null;
    const meta = names.has(META_TABLE) ? ctx.workbook.tables.getItem(META_TABLE).getDataBodyRange().load('values') : null;
    await ctx.sync();
    if (meta) {
      const stamp = metaFromRows(meta.values as unknown[][]);
      const version = Number(stamp[META_KEYS.version]);
      state.templateVersion = Number.isFinite(version) ? version : null;
      state.agency = stampText(stamp[META_KEYS.agency]);
      state.client = stampText(stamp[META_KEYS.client]);
    }
    if (body && header && last) {
      const positions = mapHeaders((header.values as unknown[][])[0] ?? []).positions;
      // A fresh template's single empty row is not an entry.
      const placeholder = body.rowCount === 1 && isBlankRow((last.values as unknown[][])[0] ?? [], positions);
      state.logRows = placeholder ? 0 : body.rowCount;
    }
    return state;
  });
}

export async function readLists(run: RunFn): Promise<ListValues> {
  return run(async (ctx) => {
    const tables = ctx.workbook.tables.load('items/name');
    await ctx.sync();
    const present = new Set(tables.items.map((t) => t.name));
    const bodies = LIST_KEYS.filter((k) => present.has(LISTS[k].tableName)).map((k) => ({
      key: k,
      range: ctx.workbook.tables.getItem(LISTS[k].tableName).getDataBodyRange().load('values'),
    }));
    const out = defaultListValues();
    if (bodies.length === 0) return out;
    await ctx.sync();
    for (const b of bodies) {
      out[b.key] = (b.range.values as unknown[][]).map((r) => String(r[0] ?? '').trim()).filter((v) => v !== '');
    }
    return out;
  });
}

/** A stamp value as shown on Home: trimmed text, null when blank. */
function stampText(value: unknown): string | null {
  const text = value === null || value === undefined ? '' : String(value).trim();
  return text === '' ? null : text;
}
