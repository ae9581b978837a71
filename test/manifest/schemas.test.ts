/**
 * Microsoft's published schemas (schemas/microsoft/): the real manifest and the built functions metadata validate;
 * each broken copy fails with the schema's own message; the known gaps are exactly the ones named.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateXML } from 'xmllint-wasm';
import { checkFunctionsSchema, checkManifestSchema, KNOWN_XSD_GAP, SCHEMA_DIR } from '../../scripts/manifest/schemas';

const ROOT = path.resolve(__dirname, '../..');
const REAL = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const DIST = path.join(ROOT, 'dist');

function edit(text: string, from: string, to: string): string {
  const matches = text.split(from).length - 1;
  if (matches !== 1) throw new Error(`fixture edit expected one match of ${from}, found ${matches}`);
  return text.replace(from, to);
}

async function schemaMessages(xml: string): Promise<string[]> {
  return (await checkManifestSchema(xml)).problems.map((p) => p.message);
}

describe('manifest against OfficeAppManifestV1_1.xsd', () => {
  test('the schema files are Microsoft\'s, unchanged (sha256 as README.txt lists them)', () => {
    const readme = fs.readFileSync(path.join(SCHEMA_DIR, 'README.txt'), 'utf8');
    const crypto = require('crypto') as typeof import('crypto');
    for (const f of fs.readdirSync(path.join(SCHEMA_DIR, 'officeapp'))) {
      const sum = crypto.createHash('sha256').update(fs.readFileSync(path.join(SCHEMA_DIR, 'officeapp', f))).digest('hex');
      expect(readme).toContain(`${sum}  ${f}`);
    }
  });

  test('manifest.xml and dist/manifest.xml are valid, relying on the <Runtimes> gap only', async () => {
    for (const xml of [REAL, fs.readFileSync(path.join(DIST, 'manifest.xml'), 'utf8')]) {
      const result = await checkManifestSchema(xml);
      expect(result.problems).toEqual([]);
      expect(result.gaps).toEqual([KNOWN_XSD_GAP]);
    }
  });

  test('the gap is real: the published schema alone rejects <Runtimes>, and accepts the manifest without it', async () => {
    const dir = path.join(SCHEMA_DIR, 'officeapp');
    const read = (f: string) => ({ fileName: f, contents: fs.readFileSync(path.join(dir, f), 'utf8') });
    const others = fs.readdirSync(dir).filter((f) => f !== 'OfficeAppManifestV1_1.xsd').map(read);
    const plain = (xml: string) => validateXML({ xml: [{ fileName: 'm.xml', contents: xml }], schema: [read('OfficeAppManifestV1_1.xsd')], preload: others });
    const withRuntimes = await plain(REAL);
    expect(withRuntimes.valid).toBe(false);
    expect(withRuntimes.errors.map((e) => e.message).join('\n')).toMatch(/Element '\{[^}]+\}Runtimes': This element is not expected/);
    const without = await plain(REAL.replace(/<Runtimes>[\s\S]*?<\/Runtimes>\s*/, ''));
    expect(without.errors).toEqual([]);
  });

  const broken: Array<[string, () => string, RegExp]> = [
    ['bad Version', () => edit(REAL, '<Version>1.0.0.0</Version>', '<Version>1.0 beta</Version>'), /Element '\{[^}]+\}Version': \[facet 'pattern'\] The value '1\.0 beta' is not accepted by the pattern/],
    ['bad Permissions', () => edit(REAL, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteEverything</Permissions>'), /Element '\{[^}]+\}Permissions': \[facet 'enumeration'\] The value 'ReadWriteEverything' is not an element of the set \{'Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'\}/],
    ['misspelt xsi:type', () => edit(REAL, '<Host xsi:type="Workbook">', '<Host xsi:type="WorkBook">'), /Element '\{[^}]+\}Host', attribute '\{http:\/\/www\.w3\.org\/2001\/XMLSchema-instance\}type': The QName value '\{[^}]+\}WorkBook' of the xsi:type attribute does not resolve to a type definition/],
    ['Runtime lifetime outside the specification', () => edit(REAL, 'lifetime="long"', 'lifetime="forever"'), /Element '\{[^}]+\}Runtime', attribute 'lifetime': \[facet 'enumeration'\] The value 'forever' is not an element of the set \{'short', 'long'\}/],
    ['unknown element', () => edit(REAL, '<Permissions>', '<Permission>x</Permission><Permissions>'), /Element '\{[^}]+\}Permission': This element is not expected/],
  ];

  test.each(broken)('%s fails with the schema\'s message', async (_name, make, expected) => {
    const found = await schemaMessages(make());
    expect(found.some((m) => expected.test(m))).toBe(true);
  });
});

describe('functions metadata against custom-functions.schema.json', () => {
  const built = (name: string) => JSON.parse(fs.readFileSync(path.join(DIST, name), 'utf8')) as {
    functions: Array<{ id: string; parameters: Array<Record<string, unknown>>; options?: Record<string, unknown> }>;
    [k: string]: unknown;
  };

  test.each(['functions.json', 'functions.zh-cn.json'])('dist/%s is valid; the gaps it uses are named', (name) => {
    const result = checkFunctionsSchema(built(name));
    expect(result.problems).toEqual([]);
    expect(result.gaps).toEqual(['known gap: keys newer than the 2019 schema, accepted with their types: allowCustomDataForDataTypeAny, parameters[].repeating']);
  });

  test('a parameter with an unknown type fails', () => {
    const json = built('functions.json');
    json.functions[0].parameters[0].type = 'integer';
    expect(checkFunctionsSchema(json).problems.map((p) => p.message)).toEqual([
      'custom-functions.schema.json /functions/0/parameters/0/type: must be equal to one of the allowed values (any, string, number, boolean)',
    ]);
  });

  test('a known-gap key still has its type checked', () => {
    const json = built('functions.json');
    json.allowCustomDataForDataTypeAny = 'yes';
    expect(checkFunctionsSchema(json).problems.map((p) => p.message)).toEqual(['custom-functions.schema.json /allowCustomDataForDataTypeAny: must be boolean']);
  });

  test('any key outside the schema and the named gaps fails', () => {
    const json = built('functions.json');
    json.functions[1].options = { volatile: false, recalcOnOpen: true };
    json.functions[2].parameters[0].hint = 'x';
    expect(checkFunctionsSchema(json).problems.map((p) => p.message).sort()).toEqual([
      'custom-functions.schema.json /functions/1/options: must NOT have additional properties (recalcOnOpen)',
      'custom-functions.schema.json /functions/2/parameters/0: must NOT have additional properties (hint)',
    ]);
  });

  test('a function without an id fails', () => {
    const json = built('functions.json');
    delete (json.functions[0] as { id?: string }).id;
    expect(checkFunctionsSchema(json).problems.map((p) => p.message)).toEqual(["custom-functions.schema.json /functions/0: must have required property 'id'"]);
  });
});
