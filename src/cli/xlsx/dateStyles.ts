/**
 * Which cell styles show a date, for workbooks in the 1904 date system (old Mac Excel): their date serials count
 * from 1904-01-01, 1,462 days after the 1900 system's, and must be shifted before they mean the same day. Only
 * such workbooks read styles.xml; numbers in other styles (amounts, quantities) are never touched.
 */
import { parsePart, type XmlEngineFactory } from './xml';
import type { ZipArchive } from './zip';

/** Days from the 1900 system's serial 0 to the 1904 system's (Excel: "Date systems in Excel"). */
export const DATE_1904_OFFSET = 1462;

/**
 * Built-in number formats that show dates or times ([ECMA-376] Part 1, 18.8.30): 14–22, 45–47, and the East Asian
 * date formats 27–36 and 50–58.
 */
function isBuiltinDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** A custom format code shows a date or time when, outside quoted text, escapes and [colour]/[locale] tags, it has y m d h s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/general/gi, '');
  return /[ymdhs]/i.test(bare);
}

/** Indexes into cellXfs (a cell's `s`) whose number format is a date or time. */
export async function readDateStyles(zip: ZipArchive, part: string, engine?: XmlEngineFactory): Promise<Set<number>> {
  const customDate = new Map<number, boolean>();
  const dateStyles = new Set<number>();
  let inCellXfs = false;
  let xfIndex = 0;
  await parsePart(
    zip,
    part,
    {
      open(name, tag) {
        if (name === 'numFmt') {
          const id = Number(tag.get('numFmtId'));
          customDate.set(id, isDateFormatCode(tag.get('formatCode') ?? ''));
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          const id = Number(tag.get('numFmtId') ?? 0);
          if (customDate.get(id) ?? isBuiltinDate(id)) dateStyles.add(xfIndex);
          xfIndex++;
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    engine,
  );
  return dateStyles;
}
