/** Platform exports in each real shape → typed rows, recognised by headers only; bad files refused with one line. */
import * as XLSX from '@e965/xlsx';
import * as iconv from 'iconv-lite';
import { t } from '../../../src/core/i18n';
import { PlatformImportError } from '../../../src/core/platform/parse';
import { decodeCsv, readExport, sniffFormat } from '../../../src/core/platform/readExport';
import { parsePlatformValue } from '../../../src/core/platform/values';
import { agentsGbkCsv, agentsUtf8Csv, days, platformTruth, productTruthAsExported, productXls, shopXlsx } from '../../support/platformExports';

const DAYS = days('2026-11-02', 4);
const truth = platformTruth(DAYS, 11);

function refused(bytes: Uint8Array, file = 'x.csv', date?: string): string {
  try {
    readExport(bytes, { file, date });
  } catch (e) {
    if (e instanceof PlatformImportError) return t(e.text, 'en-US');
    throw e;
  }
  throw new Error('accepted');
}

describe('cell values', () => {
  it.each([
    ['1,234', 'number', 1234],
    ['¥12,345.60', 'number', 12345.6],
    ['1.52%', 'percent', 0.0152],
    [0.0152, 'percent', 0.0152],
    ['-', 'number', null],
    ['延迟统计', 'percent', null],
    ['', 'number', null],
    ['1分5秒', 'seconds', 65],
    ['00:01:05', 'seconds', 65],
    ['25秒', 'seconds', 25],
    [612345678901, 'id', '612345678901'],
    ['2026/11/2', 'date', '2026-11-02'],
    ['2026年11月2日', 'date', '2026-11-02'],
    [20261102, 'date', '2026-11-02'],
    [46328, 'date', '2026-11-02'],
  ] as const)('%p as %s → %p', (raw, type, expected) => {
    expect(parsePlatformValue(raw, type)).toBe(expected);
  });
  it('refuses text where a number belongs', () => {
    expect(() => parsePlatformValue('abc', 'number')).toThrow('not a number');
  });
});

describe('recognised exports', () => {
  it('生意参谋 商品 .xls (BIFF8): header on row 5, aliases, "1,234", "%", "-", 延迟统计, 汇总 dropped', () => {
    const bytes = productXls(truth.products);
    expect(sniffFormat(bytes)).toBe('xls');
    const parsed = readExport(bytes, { file: 'a.xls' });
    expect(parsed.kind).toBe('traffic');
    expect(parsed.headerRow).toBe(5);
    expect(parsed.summaryRows).toBe(1);
    expect(parsed.dates).toEqual(DAYS);
    expect(parsed.ignoredHeaders).toContain('平均停留时长');
    expect(parsed.rows).toEqual(productTruthAsExported(truth.products));
  });

  it('生意参谋 店铺 .xlsx: date cells, numbers, 均值 row dropped', () => {
    const bytes = shopXlsx(truth.shop);
    expect(sniffFormat(bytes)).toBe('xlsx');
    const parsed = readExport(bytes, { file: 'shop.xlsx' });
    expect(parsed.kind).toBe('traffic');
    expect(parsed.summaryRows).toBe(1);
    expect(parsed.rows).toEqual(truth.shop.map((r) => ({ ...r, refunds: null })));
  });

  it('赤兔 客服绩效 GBK .csv: day from the title, sub-account names, 汇总 and 均值 dropped, seconds read', () => {
    const oneDay = truth.agents.filter((r) => r.date === DAYS[1]);
    const bytes = agentsGbkCsv(oneDay);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsv(bytes)).toContain('询单人数');
    const parsed = readExport(bytes, { file: 'agents.csv' });
    expect(parsed.kind).toBe('agents');
    expect(parsed.summaryRows).toBe(2);
    expect(parsed.dates).toEqual([DAYS[1]]);
    expect(parsed.rows).toEqual(oneDay);
  });

  it('千牛 客服 UTF-8 .csv with BOM, 日期 column and other aliases', () => {
    const parsed = readExport(agentsUtf8Csv(truth.agents), { file: 'qn.csv' });
    expect(parsed.kind).toBe('agents');
    expect(parsed.summaryRows).toBe(1);
    expect(parsed.rows).toEqual(truth.agents);
  });
});

describe('refused files (one line naming what was expected)', () => {
  it('a file with other headers', () => {
    const msg = refused(new TextEncoder().encode('订单号,买家,金额\n1,a,3\n'));
    expect(msg).toBe('x.csv: not a known export. Expected a 生意参谋 traffic/product export (columns 访客数 and 支付买家数) or a 千牛/赤兔 agent performance export (columns 客服 and 询单人数)');
  });
  it('headers of both kinds in one row', () => {
    expect(refused(new TextEncoder().encode('日期,访客数,支付买家数,客服,询单人数\n2026-11-02,1,1,a,1\n'))).toContain('match both');
  });
  it('an agent export without any date', () => {
    expect(refused(new TextEncoder().encode('客服,询单人数\n小王,3\n'))).toContain('no 日期/统计日期 column');
    expect(readExport(new TextEncoder().encode('客服,询单人数\n小王,3\n'), { file: 'x.csv', date: '2026-11-05' }).rows[0]).toMatchObject({ date: '2026-11-05', agent: '小王', inquirers: 3 });
  });
  it('a value that is not a number names row and header', () => {
    expect(refused(new TextEncoder().encode('统计日期,访客数,支付买家数\n2026-11-02,abc,1\n'))).toBe('x.csv: row 2, “访客数”: cannot read “abc”');
  });
  it('a header with no data rows, an empty file, and a GBK file of other content', () => {
    expect(refused(new TextEncoder().encode('统计日期,访客数,支付买家数\n汇总,1,1\n'))).toContain('no data rows');
    expect(refused(new Uint8Array(0))).toContain('holds no data');
    expect(refused(new Uint8Array(iconv.encode('商品,库存\n帆布包,3\n', 'gbk')))).toContain('not a known export');
  });
  it('a corrupt .xlsx', () => {
    const broken = new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6]);
    expect(refused(broken, 'b.xlsx')).toMatch(/^b\.xlsx: /);
  });
  it('an XML spreadsheet (flat ODS) is refused as unreadable, quietly', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const xml = '<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>';
    expect(refused(new TextEncoder().encode(xml), 'a.fods')).toBe('a.fods: cannot be read (expected an .xls, .xlsx or .csv export)');
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
  it('recognition never looks at the file name', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['a', 'b'], [1, 2]]), 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'buffer' }) as Buffer);
    expect(refused(bytes, '【生意参谋平台】商品_全部_2026-11-01_2026-11-07.xlsx')).toContain('not a known export');
  });
});
