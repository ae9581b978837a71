/**
 * Rows of one worksheet part, streamed: each `<row>` becomes a dense array of plain cell values the way Office.js
 * `Range.values` hands them to the add-in (numbers as numbers — dates are their serials —, booleans, error cells as
 * their text "#N/A", formula cells as their cached result, rich and inline text as plain text).
 */
import { isoToSerial } from '../../core/dates';
import { DATE_1904_OFFSET } from './dateStyles';
import { decodeXString } from './escapes';
import { parsePart, type XmlEngineFactory } from './xml';
import type { ZipArchive } from './zip';

export type CellValue = string | number | boolean | null;

export interface SheetRow {
  /** 1-based row number. */
  number: number;
  /** 0-based by column; empty cells are null. */
  cells: CellValue[];
}

/** What the row callback answers: false stops reading this sheet. */
export type RowVisitor = (row: SheetRow) => boolean | void;

/** "BC12" → 54 (0-based column index), or -1 without letters. */
function columnIndex(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case ASCII letters
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return i === 0 ? -1 : col - 1;
}

/** `t="d"` cells hold an ISO 8601 date-time ([ECMA-376] 18.17.4); Office.js shows them as serials. */
function isoCellToSerial(text: string): CellValue {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return text;
  const day = isoToSerial(m[1]);
  const seconds = m[2] ? Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0) : 0;
  return day + seconds / 86_400;
}

function cellValue(type: string, raw: string, inline: string, shared: readonly string[]): CellValue {
  switch (type) {
    case 's': {
      const s = shared[Number(raw)];
      return s === undefined ? null : s;
    }
    case 'inlineStr':
      return decodeXString(inline);
    case 'str':
      return decodeXString(raw);
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return raw;
    case 'd':
      return raw === '' ? null : isoCellToSerial(raw);
    default: {
      if (raw === '') return null;
      const n = Number(raw);
      return Number.isNaN(n) ? raw : n;
    }
  }
}

/** Workbook-wide facts a sheet needs to turn cells into values. */
export interface SheetContext {
  shared: readonly string[];
  /** 1904 date system: the styles showing dates, whose serials get DATE_1904_OFFSET added (null otherwise). */
  dateStyles1904: ReadonlySet<number> | null;
}

export async function readSheetRows(
  zip: ZipArchive,
  part: string,
  context: SheetContext,
  visit: RowVisitor,
  engine?: XmlEngineFactory,
): Promise<void> {
  const { shared, dateStyles1904 } = context;
  let style = 0;
  let rowNumber = 0;
  let cells: CellValue[] = [];
  let nextColumn = 0;
  let column = 0;
  let type = 'n';
  // Text of <v> (the value) and of <is><t> (inline strings, without phonetic runs).
  let raw = '';
  let inline = '';
  let capture = 0; // 0 none, 1 <v>, 2 <t> of an inline string
  let inInline = false;
  let inPhonetic = false;
  let stopped = false;

  await parsePart(zip, part, {
    open(name, a) {
      switch (name) {
        case 'c': {
          const ref = a.get('r');
          const col = ref === undefined ? -1 : columnIndex(ref);
          column = col < 0 ? nextColumn : col;
          type = a.get('t') ?? 'n';
          if (dateStyles1904) style = Number(a.get('s') ?? 0);
          raw = '';
          inline = '';
          break;
        }
        case 'v':
          capture = 1;
          break;
        case 'is':
          inInline = true;
          break;
        case 't':
          if (inInline && !inPhonetic) capture = 2;
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 'row': {
          const ref = a.get('r');
          const r = ref === undefined ? NaN : Number(ref);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          cells = [];
          nextColumn = 0;
          break;
        }
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = 0;
          break;
        case 'c': {
          let value = cellValue(type, raw, inline, shared);
          if (dateStyles1904 && typeof value === 'number' && type !== 'd' && dateStyles1904.has(style)) value += DATE_1904_OFFSET;
          if (value !== null) {
            for (let i = cells.length; i < column; i++) cells.push(null);
            cells[column] = value;
          }
          nextColumn = column + 1;
          break;
        }
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'row':
          if (!stopped && visit({ number: rowNumber, cells }) === false) stopped = true;
          break;
      }
    },
    text(text) {
      if (capture === 1) raw += text;
      else if (capture === 2) inline += text;
    },
    done: () => stopped,
  }, engine);
}
