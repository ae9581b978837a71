/**
 * Metadata contract: the generator reads functions.ts without errors, its English texts equal the catalog's (so
 * JSDoc and catalog cannot drift), and the Chinese metadata built from the catalog keeps every id, parameter and flag.
 * The last test runs the real webpack plugins, as webpack.config.js configures them, in a child process.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { FUNCTION_CATALOG, helpUrl, type FunctionSpec } from '../../src/core/metrics';

interface ParamMeta {
  name: string;
  description?: string;
  type?: string;
  optional?: boolean;
  repeating?: boolean;
  dimensionality?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParamMeta[];
  result: { type?: string; dimensionality?: string };
}
interface Metadata {
  functions: FunctionMeta[];
}

const naming = require('../../scripts/build/functionNames.js') as {
  functionNameProblems: (metadata: unknown) => string[];
  idProblems: (id: string) => string[];
  nameProblems: (name: string) => string[];
  isCellReference: (text: string) => boolean;
};

const plugin = require('../../scripts/build/zhFunctionsPlugin.js') as {
  toZhMetadata: (metadata: unknown, catalog: readonly FunctionSpec[]) => Metadata;
  VALID_NAME: RegExp;
  ZhFunctionsPlugin: unknown;
};

const ROOT = path.resolve(__dirname, '../..');
const SOURCE = path.join(ROOT, 'src/functions/functions.ts');
const HAN = /\p{Script=Han}/u;
const RANGE_PARAMS = ['deal_range', 'daily_sales', 'criteria_pairs'];

let english: Metadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([SOURCE], true);
  expect(result.errors).toEqual([]);
  english = JSON.parse(result.metadataJson) as Metadata;
});

describe('functions.json (generated from the JSDoc in functions.ts)', () => {
  test('holds the 21 catalog ids, in catalog order', () => {
    expect(english.functions.map((f) => f.id)).toEqual(FUNCTION_CATALOG.map((f) => f.id));
    expect(english.functions).toHaveLength(21);
  });

  test.each(FUNCTION_CATALOG.map((f) => [f.id, f] as const))('%s: JSDoc agrees with the catalog', (_id, spec) => {
    const fn = english.functions.find((f) => f.id === spec.id)!;
    expect(fn.name).toBe(spec.name['en-US']);
    expect(fn.name).toBe(spec.id);
    expect(fn.description).toBe(spec.description['en-US']);
    expect(fn.helpUrl).toBe(helpUrl(spec.id));
    expect(fn.helpUrl).toMatch(/^https:\/\//);
    expect(fn.result.type).toBe('number');
    expect(fn.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
    fn.parameters.forEach((p, i) => {
      const ps = spec.params[i];
      expect(p.description).toBe(ps.description['en-US']);
      expect(Boolean(p.optional)).toBe(Boolean(ps.optional || ps.repeating));
      expect(Boolean(p.repeating)).toBe(Boolean(ps.repeating));
      expect(p.dimensionality === 'matrix').toBe(RANGE_PARAMS.includes(p.name));
      expect(p.type).toBe('any');
    });
  });

  test('texts fit the metadata limits in both languages (descriptions ≤ 128, parameter names ≤ 64)', () => {
    for (const spec of FUNCTION_CATALOG) {
      for (const lang of ['zh-CN', 'en-US'] as const) {
        expect([spec.id, spec.description[lang].length <= 128]).toEqual([spec.id, true]);
        for (const p of spec.params) {
          expect([spec.id, p.name, p.description[lang].length <= 128]).toEqual([spec.id, p.name, true]);
          expect(p.name).toMatch(/^[a-z][a-z0-9_]{0,63}$/);
        }
      }
    }
  });

  test('DEAL_RATE takes its criteria pairs as one optional repeating range parameter', () => {
    const fn = english.functions.find((f) => f.id === 'DEAL_RATE')!;
    expect(fn.parameters[1]).toMatchObject({ name: 'criteria_pairs', optional: true, repeating: true, dimensionality: 'matrix' });
  });

  test('optional parameters are the catalog ones (SILENT_CVR basis, ORDERS units, SAFETY_STOCK and SS_HISTORY extras)', () => {
    const optional = english.functions.flatMap((f) => f.parameters.filter((p) => p.optional).map((p) => `${f.id}.${p.name}`));
    expect(optional).toEqual([
      'SILENT_CVR.basis',
      'DEAL_RATE.criteria_pairs',
      'ORDERS.units_per_order',
      'SAFETY_STOCK.avg_demand',
      'SAFETY_STOCK.lead_time_sd',
      'SAFETY_STOCK.review_days',
      'SS_HISTORY.lead_time_sd',
      'SS_HISTORY.review_days',
    ]);
  });
});

/** The metadata without the texts that are translated: what must stay identical between the two files. */
function skeleton(metadata: Metadata): unknown {
  return metadata.functions.map(({ name: _n, description: _d, parameters, ...rest }) => ({
    ...rest,
    parameters: parameters.map(({ description: _pd, ...p }) => p),
  }));
}

describe('functions.zh-cn.json (toZhMetadata)', () => {
  let zh: Metadata;
  beforeAll(() => {
    zh = plugin.toZhMetadata(english, FUNCTION_CATALOG);
  });

  test('same ids, parameters, types, flags and help links as functions.json', () => {
    expect(zh.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
    expect(skeleton(zh)).toEqual(skeleton(english));
  });

  test('Chinese names from the catalog, all valid Excel function names', () => {
    expect(zh.functions.map((f) => f.name)).toEqual([
      '转化率', '询单率', '询单转化率', '静默转化率', '成交率', '点击率', 'UV价值', '客单价', '复购率', '催付成功率',
      '投产比', '保本投产比', '退款率', '预计单量', '服务系数', '安全库存天数法', '安全库存', '历史安全库存',
      '极值法安全库存', '再订货点', '安全天数',
    ]);
    for (const fn of zh.functions) {
      expect(fn.name).toMatch(HAN);
      expect(fn.name).toMatch(plugin.VALID_NAME);
      expect(fn.name).not.toMatch(/\s/);
    }
  });

  test('Chinese descriptions and parameter descriptions', () => {
    for (const fn of zh.functions) {
      const spec = FUNCTION_CATALOG.find((f) => f.id === fn.id)!;
      expect(fn.description).toBe(spec.description['zh-CN']);
      expect(fn.description).toMatch(HAN);
      fn.parameters.forEach((p, i) => {
        expect(p.description).toBe(spec.params[i].description['zh-CN']);
        expect([fn.id, p.name, HAN.test(p.description ?? '')]).toEqual([fn.id, p.name, true]);
      });
    }
  });

  test('the input object is not modified', () => {
    expect(english.functions[0].name).toBe('CVR');
  });

  test('refuses metadata that does not match the catalog', () => {
    const copy = (): Metadata => JSON.parse(JSON.stringify(english)) as Metadata;

    const missing = copy();
    missing.functions = missing.functions.filter((f) => f.id !== 'ROP');
    expect(() => plugin.toZhMetadata(missing, FUNCTION_CATALOG)).toThrow(/ROP: in the catalog but not in functions.json/);

    const extra = copy();
    extra.functions.push({ ...extra.functions[0], id: 'GMV' });
    expect(() => plugin.toZhMetadata(extra, FUNCTION_CATALOG)).toThrow(/GMV: in functions.json but not in the catalog/);

    const renamed = copy();
    renamed.functions[0].parameters[1].name = 'uv';
    expect(() => plugin.toZhMetadata(renamed, FUNCTION_CATALOG)).toThrow(/CVR: parameter 2 is "uv"/);

    const dropped = copy();
    dropped.functions[0].parameters.pop();
    expect(() => plugin.toZhMetadata(dropped, FUNCTION_CATALOG)).toThrow(/CVR: 1 parameters in functions.json, 2 in the catalog/);

    const badName = FUNCTION_CATALOG.map((f) => (f.id === 'CTR' ? { ...f, name: { ...f.name, 'zh-CN': '点击 率' } } : f));
    expect(() => plugin.toZhMetadata(copy(), badName)).toThrow(/CTR: "点击 率" is not a valid Excel function name/);

    const long = FUNCTION_CATALOG.map((f) => (f.id === 'ROI' ? { ...f, description: { ...f.description, 'zh-CN': '长'.repeat(129) } } : f));
    expect(() => plugin.toZhMetadata(copy(), long)).toThrow(/ROI: description longer than 128 characters/);

    expect(() => plugin.toZhMetadata({}, FUNCTION_CATALOG)).toThrow(/no "functions" array/);
  });
});

// Microsoft's rules: learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming
describe('custom function naming rules (scripts/build/functionNames.js)', () => {
  test('the generated metadata in both languages keeps every rule', () => {
    expect(naming.functionNameProblems(english)).toEqual([]);
    expect(naming.functionNameProblems(plugin.toZhMetadata(english, FUNCTION_CATALOG))).toEqual([]);
  });

  test('the stock functions are SERVICE_FACTOR and SAFETY_STOCK, still 服务系数 and 安全库存 in Chinese', () => {
    const zh = plugin.toZhMetadata(english, FUNCTION_CATALOG);
    const names = (id: string) => [english.functions.find((f) => f.id === id)?.name, zh.functions.find((f) => f.id === id)?.name];
    expect(names('SERVICE_FACTOR')).toEqual(['SERVICE_FACTOR', '服务系数']);
    expect(names('SAFETY_STOCK')).toEqual(['SAFETY_STOCK', '安全库存']);
    expect(english.functions.map((f) => f.id)).not.toEqual(expect.arrayContaining(['Z']));
    expect(english.functions.map((f) => f.id)).not.toContain('SS');
  });

  test.each([
    ['Z', /shorter than 3/],
    ['SS', /shorter than 3/],
    ['1CVR', /must start with a letter/],
    ['_CVR', /must start with a letter/],
    ['cvr', /only A-Z/],
    ['CVR-2', /only A-Z/],
    ['转化率', /only A-Z/],
    ['A1', /cell reference/],
    ['ABC123', /cell reference/],
    ['CVR2', /cell reference/],
    ['XFD1048576', /cell reference/],
    ['R1C1', /cell reference/],
    ['R1048576C16384', /cell reference/],
  ])('id %s is refused', (id, reason) => {
    expect(naming.idProblems(id).join('\n')).toMatch(reason);
  });

  test.each(['CVR', 'SS_DAYS', 'SHOP.CVR', 'XFE1', 'ABC1048577', 'R0C1', 'R1C16385', 'CVR_2'])('id %s is allowed', (id) => {
    expect(naming.idProblems(id)).toEqual([]);
  });

  test.each([
    ['Z', /shorter than 3/],
    ['率', /shorter than 3/],
    ['UV2价值', /only letters/],
    ['点击 率', /only letters/],
    ['_转化率', /start with a letter/],
    ['ABC1', /only letters/],
  ])('name %s is refused', (name, reason) => {
    expect(naming.nameProblems(name).join('\n')).toMatch(reason);
  });

  test.each(['转化率', 'UV价值', 'SAFETY_STOCK', 'SHOP.转化率', 'Ölpreis'])('name %s is allowed', (name) => {
    expect(naming.nameProblems(name)).toEqual([]);
  });

  test('one bad function in a metadata file is reported with its id', () => {
    const copy = JSON.parse(JSON.stringify(english)) as Metadata;
    copy.functions[0].id = 'Z';
    copy.functions[1].name = 'SS';
    expect(naming.functionNameProblems(copy)).toEqual([
      'Z: id "Z" is shorter than 3 characters',
      'INQUIRY_RATE: name "SS" is shorter than 3 characters',
    ]);
  });
});

describe('help for range arguments (desktop Excel passes empty cells as 0)', () => {
  // Blank cells reach a custom function as 0 in desktop Excel and as null or "" on the web (NOTES.md, custom
  // functions); DEAL_RATE and SS_HISTORY skip blanks, so their help must say it and point at a table column.
  test.each(['DEAL_RATE', 'SS_HISTORY'])('%s help and range parameter say it, in both languages', (id) => {
    const spec = FUNCTION_CATALOG.find((f) => f.id === id)!;
    expect(spec.basis['zh-CN']).toContain('Excel 桌面版会把区域中的空白单元格以 0 传给函数');
    expect(spec.basis['zh-CN']).toContain('请引用表格列');
    expect(spec.basis['zh-CN']).toContain('不要引用整列');
    expect(spec.basis['en-US']).toContain('Excel desktop passes empty cells of a range as 0');
    expect(spec.basis['en-US']).toContain('point it at a table column');
    const range = spec.params[0];
    expect(range.description['zh-CN']).toMatch(/表格列.*桌面版 Excel 把空白当作 0/);
    expect(range.description['en-US']).toMatch(/table column.*desktop Excel passes them as 0/);
  });
});

describe('README.md', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  test('lists every function of the catalog, in order, with its Chinese name', () => {
    const rows = [...readme.matchAll(/^\| `SHOP\.([A-Z_.]+)\(.*?\)` \| ([^|]+?) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(FUNCTION_CATALOG.map((f) => [f.id, f.name['zh-CN']]));
  });

  test('names no SHOP function that is not in the catalog', () => {
    const ids = new Set(FUNCTION_CATALOG.map((f) => f.id));
    const used = [...readme.matchAll(/=?SHOP\.([A-Z][A-Z0-9_]*)\b/g)].map((m) => m[1]).filter((id) => !ids.has(id));
    expect(used).toEqual([]);
  });
});

function build(...args: string[]): { errors: string[]; files: string[]; out: string } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-functions-'));
  const run = spawnSync(process.execPath, [path.join(__dirname, 'support/buildFunctions.js'), out, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status).toBe(0);
  return { ...(JSON.parse(run.stdout) as { errors: string[]; files: string[] }), out };
}

describe('the webpack plugins as webpack.config.js uses them', () => {
  test('without functions.json from the metadata plugin the build fails instead of shipping no Chinese metadata', () => {
    const { errors, files, out } = build('--without-metadata');
    fs.rmSync(out, { recursive: true, force: true });
    expect(errors).toEqual([
      expect.stringContaining('ZhFunctionsPlugin: functions.json was not emitted'),
      expect.stringContaining('FunctionNamesPlugin: functions.json:\n  was not emitted'),
      expect.stringContaining('FunctionNamesPlugin: functions.zh-cn.json:\n  was not emitted'),
    ]);
    expect(files).not.toContain('functions.zh-cn.json');
  });

  test('ids that the metadata generator accepts but the naming rules refuse fail the build', () => {
    const { errors, out } = build('--input=test/functions/fixtures/badNames.ts');
    fs.rmSync(out, { recursive: true, force: true });
    const names = errors.filter((e) => e.startsWith('FunctionNamesPlugin: functions.json'));
    expect(names).toHaveLength(1);
    expect(names[0]).toContain('Z: id "Z" is shorter than 3 characters');
    expect(names[0]).toContain('XFD1: id "XFD1" reads as a cell reference');
    expect(names[0]).not.toContain('GOOD_NAME');
  });

  test('a build emits functions.js with the registrations, functions.json and functions.zh-cn.json', () => {
    const report = build();
    const out = report.out;
    try {
      expect(report.errors).toEqual([]);
      expect(report.files).toEqual(expect.arrayContaining(['functions.js', 'functions.json', 'functions.zh-cn.json']));

      const built = JSON.parse(fs.readFileSync(path.join(out, 'functions.json'), 'utf8')) as Metadata;
      const builtZh = JSON.parse(fs.readFileSync(path.join(out, 'functions.zh-cn.json'), 'utf8')) as Metadata;
      expect(built.functions.map((f) => f.id)).toEqual(FUNCTION_CATALOG.map((f) => f.id));
      expect(builtZh).toEqual(plugin.toZhMetadata(built, FUNCTION_CATALOG));

      const bundle = fs.readFileSync(path.join(out, 'functions.js'), 'utf8');
      for (const spec of FUNCTION_CATALOG) {
        expect(bundle).toContain(`CustomFunctions.associate("${spec.id}", ${spec.jsName});`);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
