/**
 * The offline manifest check: the real manifest passes, and each broken copy (made by a small string edit of the
 * real file) fails with the message that names its fault.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkManifest, executeFunctionNames } from '../../scripts/manifest/checks';

const ROOT = path.resolve(__dirname, '../..');
const REAL = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

/** Replaces exactly one occurrence, so a fixture cannot silently stop matching the real manifest. */
function edit(xml: string, from: string | RegExp, to: string): string {
  const matches = typeof from === 'string' ? xml.split(from).length - 1 : (xml.match(new RegExp(from, 'g')) ?? []).length;
  if (matches !== 1) throw new Error(`fixture edit expected one match of ${String(from)}, found ${matches}`);
  return xml.replace(from, to);
}

function messages(xml: string): string[] {
  return checkManifest(xml).map((p) => `[${p.rule}] ${p.message}`);
}

describe('the real manifest', () => {
  test('passes every offline rule', () => {
    expect(messages(REAL)).toEqual([]);
  });

  test('declares the ribbon buttons the commands implement', () => {
    expect(executeFunctionNames(REAL).sort()).toEqual(['insertTemplate', 'openCheck', 'openEntry', 'openReports']);
  });

  test('points the functions metadata at functions.json, and zh-CN at functions.zh-cn.json', () => {
    expect(REAL).toMatch(/<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions.json">\s*<bt:Override Locale="zh-CN" Value="https:\/\/localhost:3000\/functions.zh-cn.json"\/>/);
  });

  test('every image it names exists in assets/ as a PNG of the declared size', () => {
    const images = [...REAL.matchAll(/<bt:Image id="[^"]+" DefaultValue="https:\/\/localhost:3000\/(assets\/[^"]+)"/g)];
    expect(images.length).toBeGreaterThanOrEqual(18);
    for (const [, rel] of images) {
      const png = fs.readFileSync(path.join(ROOT, rel));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      const declared = Number(/-(\d+)\.png$/.exec(rel)![1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([declared, declared]);
    }
  });
});

describe('broken copies fail with a specific message', () => {
  const cases: Array<[string, () => string, RegExp]> = [
    [
      'unresolved resid',
      () => edit(REAL, '<Label resid="Entry.Label"/>', '<Label resid="Entry.Lable"/>'),
      /\[resid\] .*Control\[@id="ShopStats.Entry"\]\/Label: resid "Entry.Lable" does not match any/,
    ],
    [
      '33-character resid',
      () => REAL.split('Check.Tooltip').join('Check.Tooltip.ExplainedAtLength33'),
      /\[resid-length\] .*"Check.Tooltip.ExplainedAtLength33" is 33 characters; Office allows at most 32/,
    ],
    [
      'http URL',
      () => edit(REAL, 'DefaultValue="https://localhost:3000/assets/home-32.png"', 'DefaultValue="http://localhost:3000/assets/home-32.png"'),
      /\[https\] .*bt:Image\[@id="Home.32x32"\] @DefaultValue: URL "http:\/\/localhost:3000\/assets\/home-32.png" is not https/,
    ],
    [
      'bad GUID',
      () => edit(REAL, /<Id>[^<]+<\/Id>/, '<Id>48140df8-34d3-4df2-b81a-58031f90f5d</Id>'),
      /\[id\] <Id> must be a GUID .*found "48140df8-34d3-4df2-b81a-58031f90f5d"/,
    ],
    [
      'function file on a different runtime resid',
      () => edit(REAL, '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Support.Url"/>'),
      /\[runtime\] <FunctionFile> uses resid "Support.Url" but the shared runtime is "Taskpane.Url"/,
    ],
    [
      'functions page on a different runtime resid',
      () => edit(REAL, /<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/, '<Page><SourceLocation resid="Support.Url"/>'),
      /\[runtime\] custom functions <Page> uses resid "Support.Url" but the shared runtime is "Taskpane.Url"/,
    ],
    [
      'missing zh-CN override on a label',
      () => edit(REAL, '<bt:Override Locale="zh-CN" Value="报表"/>', ''),
      /\[zh-override\] ShortString "Reports.Label" has no zh-CN <bt:Override>/,
    ],
    [
      'missing zh-CN override on the functions metadata',
      () => edit(REAL, '<bt:Override Locale="zh-CN" Value="https://localhost:3000/functions.zh-cn.json"/>', ''),
      /\[zh-override\] Functions metadata URL "Functions.Metadata.Url" has no zh-CN <bt:Override>/,
    ],
    [
      'override for the default locale',
      () => edit(REAL, '<Override Locale="zh-CN" Value="店铺统计"/>', '<Override Locale="zh-CN" Value="店铺统计"/><Override Locale="en-US" Value="Shop Stats"/>'),
      /\[default-locale-override\] \/OfficeApp\/DisplayName\/Override\[2\]: override for the default locale en-US/,
    ],
    [
      'malformed XML',
      () => edit(REAL, '</DisplayName>', '</Displayname>'),
      /\[well-formed\] Malformed XML at line \d+, column \d+: .*DisplayName/,
    ],
    [
      'runtime without lifetime="long"',
      () => edit(REAL, '<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url"/>'),
      /\[runtime\] <Runtime resid="Taskpane.Url"> needs lifetime="long"/,
    ],
    [
      'runtimes not the first child of Host',
      () =>
        edit(
          REAL,
          /(<Runtimes>[\s\S]*?<\/Runtimes>)(\s*)(<AllFormFactors>[\s\S]*?<\/AllFormFactors>)/,
          '$3$2$1',
        ),
      /\[runtime\] <Runtimes><Runtime …\/><\/Runtimes> must be the first child of <Host>/,
    ],
    [
      'namespace longer than 32 characters',
      () => edit(REAL, '<bt:String id="Functions.Namespace" DefaultValue="SHOP">', '<bt:String id="Functions.Namespace" DefaultValue="SHOPSTATISTICSFORECOMMERCESHOPS12">'),
      /\[namespace\] Functions namespace "SHOPSTATISTICSFORECOMMERCESHOPS12" must be 1–32 characters \(it is 33\)/,
    ],
    [
      'label pointing at a long string',
      () => edit(REAL, '<Label resid="Check.Label"/>', '<Label resid="Check.Tooltip"/>'),
      /\[resid\] .*Label: resid "Check.Tooltip" is a LongString resource, but <Label> needs a ShortString/,
    ],
  ];

  test.each(cases)('%s', (_name, make, expected) => {
    const found = messages(make());
    expect(found.some((m) => expected.test(m))).toBe(true);
    // Each fixture breaks one thing: nothing else may be reported.
    expect(found.filter((m) => !expected.test(m))).toEqual([]);
  });
});

describe('npm run validate (the script)', () => {
  const script = path.join(ROOT, 'scripts', 'validate-manifest.ts');
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  const run = (file: string) => spawnSync(tsx, [script, file], { encoding: 'utf8', cwd: ROOT, timeout: 60_000 });

  test('exits 0 on the real manifest after the Office tooling parsed it too', () => {
    const out = run(path.join(ROOT, 'manifest.xml'));
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/OK \(offline rules passed; valid against OfficeAppManifestV1_1\.xsd; office-addin-manifest info parsed it\)/);
    expect(out.stdout).toContain('known gap: <Runtimes> (shared runtime) is newer than the 2019 TaskPaneAppVersionOverridesV1_0.xsd');
  });

  test('exits 1 and lists every problem of a broken copy', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    const file = path.join(dir, 'manifest.xml');
    const broken = edit(REAL, '<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url"/>').replace(
      /<Id>[^<]+<\/Id>/,
      '<Id>not-a-guid</Id>',
    );
    fs.writeFileSync(file, broken);
    try {
      const out = run(file);
      expect(out.status).toBe(1);
      expect(out.stderr).toContain('3 problem(s)');
      expect(out.stderr).toContain('✗ [id] <Id> must be a GUID');
      expect(out.stderr).toMatch(/✗ \[schema\] OfficeAppManifestV1_1\.xsd line \d+: Element '\{[^}]+\}Id': \[facet 'pattern'\] The value 'not-a-guid' is not accepted by the pattern/);
      expect(out.stderr).toContain('✗ [runtime] <Runtime resid="Taskpane.Url"> needs lifetime="long"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a broken functions metadata file exits 1 with the schema\'s message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'functions-'));
    const file = path.join(dir, 'functions.json');
    const json = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'functions.json'), 'utf8'));
    json.functions[3].parameters[0].type = 'date';
    fs.writeFileSync(file, JSON.stringify(json));
    try {
      const out = run(file);
      expect(out.status).toBe(1);
      expect(out.stderr).toContain('✗ [schema] custom-functions.schema.json /functions/3/parameters/0/type: must be equal to one of the allowed values');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
