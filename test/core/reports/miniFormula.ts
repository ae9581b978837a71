/**
 * A tiny evaluator for exactly the formula forms the report layout writes (COUNTIFS, SUMIFS, AVERAGEIFS, SUM,
 * COUNT, MAX, ROUND, IF, IFERROR, TODAY, arithmetic, A1 cells and ranges, `Table[Column]` references), so a test can
 * recompute a whole report block over a log and compare it with the TypeScript aggregation without a spreadsheet.
 * Anything else throws, which is a test failure by design. LibreOffice is the real oracle elsewhere.
 */
import { LOG_TABLE } from '../../../src/core/schema';

type Val = number | string | null;
type Arg = Val | Val[];

export interface Sheet {
  /** Table column values by header text. */
  table: Record<string, Val[]>;
  /** Cell values of the report sheet by A1 address (filled as cells are evaluated). */
  cells: Map<string, Val>;
  formulas: Map<string, string>;
  today: number;
}

const ERR = '#ERR';

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
function letters(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellValue(sheet: Sheet, addr: string): Val {
  addr = addr.replace(/\$/g, '');
  if (sheet.cells.has(addr)) return sheet.cells.get(addr) as Val;
  const f = sheet.formulas.get(addr);
  if (f === undefined) return null;
  const v = evaluate(sheet, f);
  sheet.cells.set(addr, v);
  return v;
}

export function evaluate(sheet: Sheet, formula: string): Val {
  const p = new Parser(sheet, formula.replace(/^=/, ''));
  const v = p.expr();
  if (p.pos !== p.src.length) throw new Error(`unparsed tail in ${formula} at ${p.pos}`);
  if (Array.isArray(v)) throw new Error(`range as result: ${formula}`);
  return v;
}

function matches(cell: Val, crit: Val): boolean {
  if (typeof crit === 'number') return typeof cell === 'number' && cell === crit;
  let c = String(crit ?? '');
  if (c.startsWith('=')) c = c.slice(1);
  if (/[<>]/.test(c[0] ?? '')) throw new Error(`comparison criteria not supported: ${c}`);
  if (/(^|[^~])[*?]/.test(c)) throw new Error(`wildcards not supported: ${c}`);
  c = c.replace(/~([~*?])/g, '$1');
  return cell !== null && String(cell).toLowerCase() === c.toLowerCase();
}

function num(v: Arg): number {
  if (Array.isArray(v)) throw new Error('range where a number belongs');
  if (typeof v === 'number') return v;
  if (v === null || v === '') return 0;
  if (v === ERR) throw new Error(ERR);
  throw new Error(`#VALUE! ${v}`);
}

class Parser {
  pos = 0;
  constructor(private sheet: Sheet, readonly src: string) {}

  private peek(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    const m = re.exec(this.src);
    return m && m.index === this.pos ? m : null;
  }
  private take(s: string): boolean {
    if (this.src.startsWith(s, this.pos)) {
      this.pos += s.length;
      return true;
    }
    return false;
  }
  expr(): Arg {
    let left = this.additive();
    while (this.take('=')) {
      const right = this.additive();
      left = num(left) === num(right) ? 1 : 0;
    }
    return left;
  }
  private additive(): Arg {
    let v = this.term();
    for (;;) {
      if (this.take('+')) v = num(v) + num(this.term());
      else if (this.take('-')) v = num(v) - num(this.term());
      else return v;
    }
  }
  private term(): Arg {
    let v = this.atom();
    for (;;) {
      if (this.take('*')) v = num(v) * num(this.atom());
      else if (this.take('/')) {
        const d = num(this.atom());
        if (d === 0) throw new Error('#DIV/0!');
        v = num(v) / d;
      } else return v;
    }
  }
  private atom(): Arg {
    if (this.take('(')) {
      const v = this.expr();
      if (!this.take(')')) throw new Error('missing )');
      return v;
    }
    let m = this.peek(/"((?:[^"]|"")*)"/y);
    if (m) {
      this.pos += m[0].length;
      return m[1].replace(/""/g, '"');
    }
    m = this.peek(/\d+(\.\d+)?/y);
    if (m) {
      this.pos += m[0].length;
      return Number(m[0]);
    }
    const table = LOG_TABLE + '[';
    if (this.src.startsWith(table, this.pos)) {
      this.pos += table.length;
      let name = '';
      while (this.src[this.pos] !== ']') {
        if (this.src[this.pos] === "'") this.pos++;
        name += this.src[this.pos++];
      }
      this.pos++;
      const col = this.sheet.table[name];
      if (!col) throw new Error(`unknown table column [${name}]`);
      return col;
    }
    m = this.peek(/\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/y);
    if (m && !this.src.startsWith('(', this.pos + m[0].length)) {
      this.pos += m[0].length;
      if (!m[3]) return cellValue(this.sheet, `${m[1]}${m[2]}`);
      const out: Val[] = [];
      for (let r = Number(m[2]); r <= Number(m[4]); r++) {
        for (let c = colIndex(m[1]); c <= colIndex(m[3]); c++) out.push(cellValue(this.sheet, `${letters(c)}${r}`));
      }
      return out;
    }
    m = this.peek(/([A-Z]+)\(/y);
    if (!m) throw new Error(`unexpected at ${this.pos}: ${this.src.slice(this.pos)}`);
    this.pos += m[0].length;
    const name = m[1];
    if (name === 'IFERROR') {
      const start = this.pos;
      let v: Arg;
      try {
        v = this.expr();
      } catch (e) {
        // Skip the failed argument text by re-parsing it without evaluation is overkill: re-scan to the comma.
        this.pos = start;
        this.skipArg();
        v = ERR;
      }
      if (!this.take(',')) throw new Error('IFERROR needs 2 args');
      const alt = this.expr();
      this.take(')');
      return v === ERR ? alt : v;
    }
    const args: Arg[] = [];
    if (!this.take(')')) {
      do args.push(this.expr());
      while (this.take(','));
      if (!this.take(')')) throw new Error(`missing ) after ${name}`);
    }
    return call(name, args, this.sheet);
  }
  /** Move past one argument (balanced parentheses, strings) up to the next top-level comma. */
  private skipArg(): void {
    let depth = 0;
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '"') {
        this.pos = this.src.indexOf('"', this.pos + 1) + 1;
        continue;
      }
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      if (ch === ',' && depth === 0) return;
      this.pos++;
    }
  }
}

function rows(args: Arg[], from: number): boolean[] {
  const first = args[from] as Val[];
  const keep = first.map(() => true);
  for (let i = from; i < args.length; i += 2) {
    const range = args[i];
    if (!Array.isArray(range)) throw new Error('criteria range must be a range');
    const crit = args[i + 1] as Val;
    range.forEach((v, r) => {
      if (keep[r] && !matches(v, crit)) keep[r] = false;
    });
  }
  return keep;
}

function call(name: string, args: Arg[], sheet: Sheet): Val {
  const flat = (a: Arg): Val[] => (Array.isArray(a) ? a : [a]);
  switch (name) {
    case 'COUNTIFS':
      return rows(args, 0).filter(Boolean).length;
    case 'SUMIFS': {
      const keep = rows(args, 1);
      return (args[0] as Val[]).reduce<number>((s, v, i) => s + (keep[i] && typeof v === 'number' ? v : 0), 0);
    }
    case 'AVERAGEIFS': {
      const keep = rows(args, 1);
      const vals = (args[0] as Val[]).filter((v, i) => keep[i] && typeof v === 'number') as number[];
      if (vals.length === 0) throw new Error('#DIV/0!');
      return vals.reduce((s, v) => s + v, 0) / vals.length;
    }
    case 'SUM':
      return args.flatMap(flat).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    case 'COUNT':
      return args.flatMap(flat).filter((v) => typeof v === 'number').length;
    case 'MAX': {
      const nums = args.flatMap(flat).filter((v) => typeof v === 'number') as number[];
      return nums.length ? Math.max(...nums) : 0;
    }
    case 'TODAY':
      return sheet.today;
    case 'ROUND': {
      const f = 10 ** num(args[1]);
      return Math.round(num(args[0]) * f) / f;
    }
    case 'IF':
      return num(args[0]) !== 0 ? (args[1] as Val) : (args[2] as Val);
    default:
      throw new Error(`function not supported by the test evaluator: ${name}`);
  }
}
