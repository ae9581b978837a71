/**
 * The production build (`npm run build`, run by pretest before jest) is ready to host: a manifest whose every URL
 * points at the production base URL and at a file that exists in dist/, the shared-runtime page, both function
 * metadata files with the whole catalog, and the icons.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkManifest } from '../../scripts/manifest/checks';
import { localScripts } from '../../bench/bundle.bench';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js') as {
  productionBaseUrl: (env?: Record<string, string | undefined>) => string;
  productionManifest: (xml: string, baseUrl: string) => string;
  DEFAULT_BASE_URL: string;
};

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const read = (rel: string) => fs.readFileSync(path.join(DIST, rel), 'utf8');

/** The DESIGN.md catalog: 21 SHOP functions. */
const CATALOG = [
  'CVR', 'INQUIRY_RATE', 'INQUIRY_CVR', 'SILENT_CVR', 'DEAL_RATE', 'CTR', 'UV_VALUE', 'AOV', 'REPURCHASE',
  'REMIND_RATE', 'ROI', 'BREAKEVEN_ROI', 'REFUND_RATE', 'ORDERS', 'SERVICE_FACTOR', 'SS_DAYS', 'SAFETY_STOCK', 'SS_HISTORY', 'SS_MAXAVG',
  'ROP', 'SAFETY_DAYS',
];

interface Metadata {
  functions: Array<{ id: string; name: string; description?: string; parameters: Array<{ name: string }> }>;
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    throw new Error('dist/ has no production build: run `npm run build` first (npm test does it in pretest)');
  }
});

describe('dist/manifest.xml', () => {
  const baseUrl = webpackConfig.productionBaseUrl(process.env);
  const source = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

  test('has no development URL left and uses the production base URL everywhere the source used localhost', () => {
    const xml = read('manifest.xml');
    expect(xml).not.toMatch(/:\/\/(localhost|127\.0\.0\.1)/);
    const devUrls = source.split('https://localhost:3000/').length - 1;
    expect(devUrls).toBeGreaterThan(20);
    expect(xml.split(baseUrl).length - 1).toBe(devUrls);
  });

  test('still passes the offline manifest rules', () => {
    expect(checkManifest(read('manifest.xml'))).toEqual([]);
  });

  test('every URL under the base URL names a file that exists in dist/', () => {
    const xml = read('manifest.xml');
    const urls = [...new Set([...xml.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]))].filter((u) => u.startsWith(baseUrl));
    expect(urls.length).toBeGreaterThan(20);
    const missing = urls.filter((u) => !fs.existsSync(path.join(DIST, u.slice(baseUrl.length).split(/[?#]/)[0])));
    expect(missing).toEqual([]);
  });
});

describe('production base URL', () => {
  test('defaults to a documented https address ending with "/"', () => {
    expect(webpackConfig.productionBaseUrl({})).toBe(webpackConfig.DEFAULT_BASE_URL);
  });

  test.each([
    ['http://shop.example.com/addin/', /must use https/],
    ['https://shop.example.com/addin', /must end with "\/"/],
    ['not a url', /not a valid URL/],
    ['https://localhost:3000/', /points at this machine/],
  ])('rejects %s with a clear message', (value, message) => {
    expect(() => webpackConfig.productionBaseUrl({ SHOP_STATS_BASE_URL: value })).toThrow(message);
  });

  test('rewriting refuses a manifest that still holds another development address', () => {
    expect(() => webpackConfig.productionManifest('<a b="https://localhost:8080/x.html"/>', 'https://x.example/')).toThrow(
      /still holds a development URL after rewriting: https:\/\/localhost:8080\/x.html/,
    );
  });
});

describe('dist/taskpane.html', () => {
  const html = () => read('taskpane.html');

  test('loads office.js from Microsoft\'s CDN, not from a bundle', () => {
    expect(html()).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
    expect(fs.readdirSync(DIST).filter((f) => /office/i.test(f))).toEqual([]);
  });

  test('loads one runtime, the functions, the commands and the pane, all present in dist/ with content hashes', () => {
    const scripts = localScripts(html());
    expect(scripts.filter((s) => s.startsWith('runtime.'))).toHaveLength(1);
    expect(scripts).toContain('functions.js'); // the manifest's Functions.Script.Url: stable name
    expect(scripts.some((s) => /^commands\.[0-9a-f]{8}\.js$/.test(s))).toBe(true);
    expect(scripts.some((s) => /^taskpane\.[0-9a-f]{8}\.js$/.test(s))).toBe(true);
    for (const s of scripts) expect(fs.existsSync(path.join(DIST, s))).toBe(true);
    for (const s of scripts.filter((f) => f !== 'functions.js')) expect(s).toMatch(/\.[0-9a-f]{8}\.js$/);
  });

  test('has the element the pane mounts on', () => {
    expect(html()).toMatch(/<div id="?container"?>/);
  });

  test('ships no core-js polyfill', () => {
    const js = fs.readdirSync(DIST).filter((f) => f.endsWith('.js'));
    for (const f of js) expect(read(f)).not.toMatch(/core-js/);
  });
});

describe('function metadata', () => {
  const en = (): Metadata => JSON.parse(read('functions.json'));
  const zh = (): Metadata => JSON.parse(read('functions.zh-cn.json'));

  test('functions.json holds the 21 catalog ids with English names', () => {
    const fns = en().functions;
    expect(fns.map((f) => f.id).sort()).toEqual([...CATALOG].sort());
    for (const f of fns) expect(f.name).toMatch(/^[A-Za-z][A-Za-z0-9_.]*$/);
  });

  test('functions.zh-cn.json holds the same 21 ids with Chinese names', () => {
    const fns = zh().functions;
    expect(fns.map((f) => f.id).sort()).toEqual([...CATALOG].sort());
    for (const f of fns) expect(f.name).toMatch(/\p{Script=Han}/u);
    expect(fns.find((f) => f.id === 'CVR')?.name).toBe('转化率');
    expect(fns.find((f) => f.id === 'SAFETY_DAYS')?.name).toBe('安全天数');
  });

  test('every id and name in both files keeps Microsoft\'s naming rules (custom-functions-naming)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { functionNameProblems } = require('../../scripts/build/functionNames.js') as { functionNameProblems: (m: unknown) => string[] };
    expect(functionNameProblems(en())).toEqual([]);
    expect(functionNameProblems(zh())).toEqual([]);
    expect(zh().functions.find((f) => f.id === 'SAFETY_STOCK')?.name).toBe('安全库存');
    expect(zh().functions.find((f) => f.id === 'SERVICE_FACTOR')?.name).toBe('服务系数');
  });

  test('both files declare the same parameters for each function', () => {
    const zhById = new Map(zh().functions.map((f) => [f.id, f]));
    for (const f of en().functions) {
      expect(zhById.get(f.id)?.parameters.length).toBe(f.parameters.length);
    }
  });
});

describe('dist/assets', () => {
  test.each(['icon', 'home', 'entry', 'check', 'reports', 'template'])('%s icons at 16, 32 and 80 px', (name) => {
    for (const px of [16, 32, 80]) {
      const png = fs.readFileSync(path.join(DIST, 'assets', `${name}-${px}.png`));
      expect(png.readUInt32BE(16)).toBe(px);
    }
  });
});
