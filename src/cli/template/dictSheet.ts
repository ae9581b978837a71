/**
 * Sheet 字典: one table per list (so a client adds a product or agent by typing below the table), a workbook name per
 * list used as the validation source, and the template identity (META_TABLE).
 *
 * Why the names are OFFSET/COUNTA ranges and not structured references (`=Dict_Agent[客服]`): LibreOffice drops
 * names that refer to table columns on import (checked with LibreOffice 7.4: the name vanished and the validation
 * pointed nowhere). A name that counts the list's non-empty cells grows with the list in Excel, WPS and
 * LibreOffice alike, and the dropdown shows no trailing blanks.
 */
import type ExcelJS from 'exceljs';
import { cli } from '../../core/i18n/cli';
import { t } from '../../core/i18n';
import { columnLetter } from '../../core/template';
import {
  DICT_SHEET, LISTS, LIST_KEYS, META_KEYS, META_TABLE, TEMPLATE_ID, TEMPLATE_VERSION, TEXT_FORMAT,
  type Lang, type ListKey, type ListValues,
} from '../../core/schema';
import { addFormulaName, sheetRef } from './cells';

/** Rows a list may grow to before its name stops covering it (COUNTA looks this far). */
export const LIST_CAPACITY = 2000;

/** Column (0-based) of each list on 字典: every other column, so the tables never touch. */
export function dictColumn(list: ListKey): number {
  return LIST_KEYS.indexOf(list) * 2;
}

export function listHeader(list: ListKey, lang: Lang): string {
  return lang === 'en-US' ? LISTS[list].en : LISTS[list].zh;
}

/** The name's formula: from the first item down to the last non-empty cell of the list column. */
export function listNameFormula(list: ListKey): string {
  const col = columnLetter(dictColumn(list));
  const sheet = sheetRef(DICT_SHEET);
  return `OFFSET(${sheet}!$${col}$2,0,0,MAX(1,COUNTA(${sheet}!$${col}$2:$${col}$${LIST_CAPACITY + 1})),1)`;
}

export function addDictSheet(wb: ExcelJS.Workbook, lang: Lang, lists: ListValues, identity?: { agency: string; client: string }): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(DICT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const key of LIST_KEYS) {
    const col = dictColumn(key);
    ws.getColumn(col + 1).width = key === 'product' ? 20 : 14;
    ws.getColumn(col + 1).numFmt = TEXT_FORMAT;
    ws.getColumn(col + 2).width = 3;
    const values = lists[key].length > 0 ? lists[key] : [''];
    ws.addTable({
      name: LISTS[key].tableName,
      ref: `${columnLetter(col)}1`,
      headerRow: true,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: [{ name: listHeader(key, lang), filterButton: false }],
      rows: values.map((v) => [v]),
    });
    addFormulaName(wb, LISTS[key].rangeName, listNameFormula(key));
  }

  // Template identity, readable by the add-in and the CLI (key/value table).
  const metaCol = LIST_KEYS.length * 2;
  ws.getColumn(metaCol + 1).width = 12;
  ws.getColumn(metaCol + 2).width = 24;
  ws.addTable({
    name: META_TABLE,
    ref: `${columnLetter(metaCol)}1`,
    headerRow: true,
    style: { theme: 'TableStyleLight1', showRowStripes: false },
    columns: [{ name: t(cli.metaKey, lang), filterButton: false }, { name: t(cli.metaValue, lang), filterButton: false }],
    rows: [
      [META_KEYS.templateId, TEMPLATE_ID],
      [META_KEYS.version, TEMPLATE_VERSION],
      ['lang', lang],
      // An agency's client template says whose it is (read back by check, report, collect and the add-in's Home).
      ...(identity ? [[META_KEYS.agency, identity.agency], [META_KEYS.client, identity.client]] : []),
    ],
  });
  return ws;
}
