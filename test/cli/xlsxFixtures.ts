/**
 * Helpers for the reader tests: Chinese text that fills many inflated chunks, a count of chunk boundaries that fall
 * inside a UTF-8 character (proof that a test file exercises the bug), and openpyxl as an independent reader.
 */
import { spawnSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as yauzl from 'yauzl';
import { seededRandom } from '../../src/core/random';
import { COLUMNS, DICT_SHEET, LISTS, LIST_KEYS, header, type ListValues } from '../../src/core/schema';

const HANZI = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质车';

/** Deterministic Chinese text of about `length` characters (a note, a product name, a customer's handle). */
export function chineseText(seed: number, length: number): string {
  const rng = seededRandom(seed);
  let s = '';
  for (let i = 0; i < length; i++) s += HANZI[Math.floor(rng() * HANZI.length)];
  return s;
}

/**
 * Inflate one part the way the reader does (yauzl's read stream over Node's zlib) and count the chunk boundaries that
 * split a UTF-8 character (the first byte after the boundary is a continuation byte 10xxxxxx).
 */
export function splitCharacters(file: string, part: string): Promise<{ chunks: number; splits: number }> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== part) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          let chunks = 0;
          let splits = 0;
          stream.on('data', (chunk: Buffer) => {
            if (chunks > 0 && (chunk[0] & 0xc0) === 0x80) splits++;
            chunks++;
          });
          stream.on('end', () => {
            zip.close();
            resolve({ chunks, splits });
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error(`${part} not in ${file}`)));
      zip.readEntry();
    });
  });
}

/** A python3 that has openpyxl (Debian's python3-openpyxl lives under /usr/bin/python3). */
export function openpyxlPython(): string {
  const candidates = [process.env.SHOP_STATS_PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => !!p);
  for (const py of candidates) {
    if (spawnSync(py, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0) return py;
  }
  throw new Error('python3 with openpyxl is required: sudo apt-get install -y python3-openpyxl');
}

/** Run a python script with openpyxl; `input` is passed as JSON on stdin, stdout parsed as JSON. */
export function runOpenpyxl<T>(script: string, input: unknown): T {
  const r = spawnSync(openpyxlPython(), ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`openpyxl failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** Every row of a sheet as openpyxl reads it (cached values), header row included. */
export function openpyxlRows(file: string, sheet: string): unknown[][] {
  return runOpenpyxl<unknown[][]>(
    `import sys, json, openpyxl, datetime
args = json.load(sys.stdin)
wb = openpyxl.load_workbook(args['file'], read_only=True, data_only=True)
rows = []
for r in wb[args['sheet']].iter_rows(values_only=True):
    rows.append([v.isoformat() if isinstance(v, (datetime.date, datetime.datetime)) else v for v in r])
print(json.dumps(rows, ensure_ascii=False))`,
    { file, sheet },
  );
}

/** A workbook with the given sheets (rows as cell arrays) and a 字典 sheet holding `lists`, written by exceljs. */
export async function writeWorkbook(
  file: string,
  sheets: ReadonlyArray<{ name: string; rows: ReadonlyArray<readonly unknown[]> }>,
  lists: ListValues | null,
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((r, i) => {
      ws.getRow(i + 1).values = [...r] as ExcelJS.CellValue[];
    });
  }
  if (lists) {
    const dict = wb.addWorksheet(DICT_SHEET);
    dict.addRow(LIST_KEYS.map((k) => LISTS[k].zh));
    const longest = Math.max(...LIST_KEYS.map((k) => lists[k].length));
    for (let i = 0; i < longest; i++) dict.addRow(LIST_KEYS.map((k) => lists[k][i] ?? null));
  }
  await wb.xlsx.writeFile(file);
}

/** The schema's Chinese headers, in template order. */
export const ZH_HEADERS: readonly string[] = COLUMNS.map((c) => header(c.key, 'zh-CN'));
