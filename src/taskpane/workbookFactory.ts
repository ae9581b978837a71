/**
 * The one place that decides which `Workbook` the pane uses: inside Office the Office.js implementation, in the
 * browser demo the in-memory one, and none in a plain browser. Both load as separate chunks so the first paint
 * carries neither.
 */
import type { Workbook } from '../core/workbook';
import type { HostKind } from './hostInfo';

export async function createWorkbook(kind: HostKind): Promise<Workbook | null> {
  if (kind === 'office') {
    const { OfficeWorkbook } = await import(/* webpackChunkName: "excel" */ '../excel/OfficeWorkbook');
    return new OfficeWorkbook();
  }
  if (kind === 'demo') {
    const { startDemo } = await import(/* webpackChunkName: "demo" */ './demo/demoWorkbook');
    return startDemo(typeof location === 'undefined' ? '' : location.search);
  }
  return null;
}
