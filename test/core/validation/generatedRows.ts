/**
 * Generated inquiry-log rows for the validation bench and tests (shared by bench/validation.bench.ts): realistic cell values as a sheet read gives them
 * (dates as Excel serials or typed text, numbers, Chinese list values, customer IDs), about 80% valid, 20% with one
 * planted error each. Deterministic (seeded) so runs compare.
 */
import { isoToSerial, serialToIso } from '../../../src/core/dates';
import { COLUMNS, defaultListValues, mapHeaders, type ColumnKey, type ListValues } from '../../../src/core/schema';
import { seededRandom } from '../../../src/core/random';

export interface GeneratedRows {
  headers: string[];
  rows: unknown[][];
  /** Planted error kind per row, or null for a row meant to be valid. */
  planted: (string | null)[];
  lists: ListValues;
  today: string;
}

const rng = seededRandom;

export const PLANTED_KINDS = [
  'futureDate', 'impossibleDate', 'noReason', 'dealNoAmount', 'textAmount', 'badRegion', 'negativeQty', 'missingCustomer', 'controlChar', 'pendingNoDate',
] as const;

/** The same date as a person might type it. */
function typedDate(iso: string, r: number): string {
  const [y, m, d] = iso.split('-');
  if (r < 0.3) return `${y}/${m}/${d}`;
  if (r < 0.6) return `${y}年${Number(m)}月${Number(d)}日`;
  return iso;
}

export function generateRows(count: number, invalidShare = 0.2, seed = 42): GeneratedRows {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const lists = defaultListValues();
  lists.agent = ['小美', '阿杰', '客服1', '客服2', 'Lily'];
  lists.product = Array.from({ length: 60 }, (_, i) => `夏季连衣裙-${String(i + 1).padStart(3, '0')}`);
  const today = '2026-11-24';
  const todaySerial = isoToSerial(today);
  const headers = COLUMNS.map((c) => c.zh);
  const at = mapHeaders(headers).positions as Record<ColumnKey, number>;
  const notes = ['', '', '', '问了尺码', '要发票', '=1+1 是客户写的', '老客户介绍', '比较了三家，嫌运费贵', '周末再联系'];
  const rows: unknown[][] = [];
  const planted: (string | null)[] = [];
  for (let r = 0; r < count; r++) {
    const cells: unknown[] = new Array(headers.length).fill('');
    const dateSerial = todaySerial - Math.floor(random() * 300);
    const deal = random() < 0.35;
    // Most dates come out of Excel as serials; some were pasted as text.
    cells[at.date] = random() < 0.85 ? dateSerial : typedDate(serialToIso(dateSerial), random());
    cells[at.agent] = pick(lists.agent);
    cells[at.customerId] = random() < 0.7 ? `tb${Math.floor(random() * 1e8)}` : `买家_${Math.floor(random() * 1e5)}`;
    cells[at.customerType] = pick(lists.customerType);
    cells[at.newOrReturning] = pick(lists.newOrReturning);
    cells[at.channel] = pick(lists.channel);
    cells[at.region] = pick(lists.region);
    cells[at.product] = random() < 0.97 ? pick(lists.product) : '新款T恤（未入库）';
    cells[at.deal] = deal ? '是' : '否';
    if (deal) {
      const qty = 1 + Math.floor(random() * 20);
      cells[at.quantity] = qty;
      cells[at.amount] = Math.round(qty * (59 + random() * 80) * 100) / 100;
      cells[at.dealType] = pick(lists.dealType);
      cells[at.followUp] = random() < 0.5 ? '已转化' : '';
    } else {
      cells[at.quantity] = random() < 0.5 ? 0 : '';
      cells[at.noDealReason] = pick(lists.noDealReason);
      const fu = pick(lists.followUp);
      cells[at.followUp] = fu;
      if (fu === '待跟进') cells[at.nextFollowUp] = dateSerial + 3;
    }
    cells[at.note] = pick(notes);
    cells[at.dealFlag] = deal ? 1 : 0;
    cells[at.month] = dateSerial;
    let kind: string | null = null;
    if (random() < invalidShare) {
      kind = pick(PLANTED_KINDS);
      switch (kind) {
        case 'futureDate':
          cells[at.date] = todaySerial + 1 + Math.floor(random() * 30);
          if (cells[at.nextFollowUp] !== '') cells[at.nextFollowUp] = (cells[at.date] as number) + 3;
          break;
        case 'impossibleDate': cells[at.date] = '2026-02-30'; break;
        case 'noReason': cells[at.deal] = '否'; cells[at.amount] = ''; cells[at.dealType] = ''; cells[at.noDealReason] = ''; cells[at.followUp] = '已跟进'; break;
        case 'dealNoAmount': cells[at.deal] = '是'; cells[at.quantity] = 2; cells[at.amount] = ''; cells[at.dealType] = '零售'; cells[at.noDealReason] = ''; break;
        case 'textAmount': cells[at.amount] = '两百元'; break;
        case 'badRegion': cells[at.region] = '火星'; break;
        case 'negativeQty': cells[at.quantity] = -3; break;
        case 'missingCustomer': cells[at.customerId] = ''; break;
        case 'controlChar': cells[at.note] = '第一行\u0007第二行'; break;
        case 'pendingNoDate': cells[at.deal] = '否'; cells[at.amount] = ''; cells[at.dealType] = ''; cells[at.noDealReason] = '比价中'; cells[at.followUp] = '待跟进'; cells[at.nextFollowUp] = ''; break;
      }
    }
    rows.push(cells);
    planted.push(kind);
  }
  return { headers, rows, planted, lists, today };
}
