/**
 * Microsoft's own schemas, checked offline: the add-in manifest against the OfficeApp 1.1 XSDs (libxml2's validator,
 * compiled to WebAssembly by xmllint-wasm, so no system package is needed) and the custom-functions metadata against
 * Microsoft's JSON schema (Ajv, draft-04). The files live in schemas/microsoft/ unchanged; its README.txt names their
 * sources.
 *
 * Both schemas date from 2019 and lack a few things that today's Office and Microsoft's own generator use. Exactly
 * those gaps are filled here, each named in KNOWN_*_GAPS and reported in the output when a file relies on it; every
 * other element and key is held to the published schema.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import { validateXML } from 'xmllint-wasm';
import type { Problem } from './checks';

export const SCHEMA_DIR = path.resolve(__dirname, '..', '..', 'schemas', 'microsoft');
const XSD_DIR = path.join(SCHEMA_DIR, 'officeapp');
const ROOT_XSD = 'OfficeAppManifestV1_1.xsd';
const OVERRIDES_XSD = 'TaskPaneAppVersionOverridesV1_0.xsd';

export interface SchemaResult {
  problems: Problem[];
  /** The known gaps this file relied on, one line each. */
  gaps: string[];
}

/**
 * <Runtimes> (shared runtime, SharedRuntime 1.1) is newer than TaskPaneAppVersionOverridesV1_0.xsd. The current
 * specification ([MS-OWEMXML] "Runtimes" complex type, referenced by Host) puts it first in <Host>: one or more
 * <Runtime resid=… lifetime="short|long"/>. The schema is extended in memory with exactly that; the edit must match
 * the published text, so a different schema file fails loudly instead of being patched blindly.
 */
const HOST_SEQUENCE = `<xs:complexType name="Host" abstract="true">
    <xs:annotation>
      <xs:documentation>
        Generic type for specifying Host node types under the Hosts element list
      </xs:documentation>
    </xs:annotation>
    <xs:sequence>
`;
const RUNTIMES_TYPES = `
  <xs:complexType name="Runtimes">
    <xs:sequence>
      <xs:element name="Runtime" type="Runtime" minOccurs="1" maxOccurs="unbounded" />
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="Runtime">
    <xs:attribute name="resid" type="bt:ShortString" use="required" />
    <xs:attribute name="lifetime" use="optional">
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:enumeration value="short" />
          <xs:enumeration value="long" />
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
  </xs:complexType>
`;
export const KNOWN_XSD_GAP =
  'known gap: <Runtimes> (shared runtime) is newer than the 2019 TaskPaneAppVersionOverridesV1_0.xsd; ' +
  'checked as [MS-OWEMXML] defines it (first child of <Host>, <Runtime resid lifetime="short|long">)';

function overridesWithRuntimes(xsd: string): string {
  if (!xsd.includes(HOST_SEQUENCE)) throw new Error(`${OVERRIDES_XSD} is not the published file this check extends`);
  const withElement = xsd.replace(
    HOST_SEQUENCE,
    `${HOST_SEQUENCE}      <xs:element name="Runtimes" type="Runtimes" minOccurs="0" maxOccurs="1" />\n`,
  );
  return withElement.replace(/<\/xs:schema>\s*$/, `${RUNTIMES_TYPES}</xs:schema>\n`);
}

function readXsd(name: string): string {
  const text = fs.readFileSync(path.join(XSD_DIR, name), 'utf8');
  return name === OVERRIDES_XSD ? overridesWithRuntimes(text) : text;
}

/** Validates a manifest against OfficeAppManifestV1_1.xsd and the schemas it imports. */
export async function checkManifestSchema(xml: string, fileName = 'manifest.xml'): Promise<SchemaResult> {
  const others = fs.readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd') && f !== ROOT_XSD);
  const result = await validateXML({
    xml: [{ fileName: path.basename(fileName), contents: xml }],
    schema: [{ fileName: ROOT_XSD, contents: readXsd(ROOT_XSD) }],
    preload: others.map((f) => ({ fileName: f, contents: readXsd(f) })),
  });
  const problems = result.errors.map((e) => ({
    rule: 'schema',
    message: `${ROOT_XSD}${e.loc ? ` line ${e.loc.lineNumber}` : ''}: ${e.message.trim().replace(/^Schemas validity error : /, '')}`,
  }));
  return { problems, gaps: /<(\w+:)?Runtimes[\s>]/.test(xml) ? [KNOWN_XSD_GAP] : [] };
}

/**
 * Keys Microsoft's generator (custom-functions-metadata, IFunction* types) emits that the 2019 JSON schema, with
 * additionalProperties:false everywhere, does not know. Each is accepted with its real type; nothing else is.
 */
export const KNOWN_JSON_GAPS: Record<'root' | 'options' | 'parameter', Record<string, object>> = {
  root: { allowCustomDataForDataTypeAny: { type: 'boolean' }, enums: { type: 'array' } },
  options: {
    requiresStreamAddress: { type: 'boolean' },
    requiresParameterAddresses: { type: 'boolean' },
    requiresStreamParameterAddresses: { type: 'boolean' },
    excludeFromAutoComplete: { type: 'boolean' },
    linkedEntityLoadService: { type: 'boolean' },
    capturesCallingObject: { type: 'boolean' },
    supportSync: { type: 'boolean' },
    action: { type: 'boolean' },
  },
  parameter: { repeating: { type: 'boolean' }, cellValueType: { type: 'string' }, customEnumId: { type: 'string' } },
};

interface JsonSchemaNode {
  properties: Record<string, JsonSchemaNode & { items?: JsonSchemaNode }>;
}

let compiled: ReturnType<Ajv['compile']> | null = null;

function functionsValidator(): ReturnType<Ajv['compile']> {
  if (compiled) return compiled;
  const schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'custom-functions.schema.json'), 'utf8')) as JsonSchemaNode;
  const fn = schema.properties.functions.items!;
  Object.assign(schema.properties, KNOWN_JSON_GAPS.root);
  Object.assign(fn.properties.options.properties, KNOWN_JSON_GAPS.options);
  Object.assign(fn.properties.parameters.items!.properties, KNOWN_JSON_GAPS.parameter);
  // The published file has `"required": []`, which the draft-04 meta-schema forbids (an empty list requires nothing),
  // so the schema itself is not meta-validated.
  const ajv = new Ajv({ allErrors: true, validateSchema: false, strict: false });
  compiled = ajv.compile(schema);
  return compiled;
}

/** The known-gap keys a metadata file uses, as "where.key" strings. */
function gapKeysUsed(json: unknown): string[] {
  const used = new Set<string>();
  if (typeof json !== 'object' || json === null) return [];
  const root = json as Record<string, unknown>;
  for (const k of Object.keys(KNOWN_JSON_GAPS.root)) if (k in root) used.add(k);
  for (const f of Array.isArray(root.functions) ? (root.functions as Array<Record<string, unknown>>) : []) {
    const options = (f.options ?? {}) as Record<string, unknown>;
    for (const k of Object.keys(KNOWN_JSON_GAPS.options)) if (k in options) used.add(`options.${k}`);
    for (const p of Array.isArray(f.parameters) ? (f.parameters as Array<Record<string, unknown>>) : []) {
      for (const k of Object.keys(KNOWN_JSON_GAPS.parameter)) if (k in p) used.add(`parameters[].${k}`);
    }
  }
  return [...used].sort();
}

/** Validates custom-functions metadata against Microsoft's JSON schema. */
export function checkFunctionsSchema(json: unknown): SchemaResult {
  const validate = functionsValidator();
  const problems = validate(json)
    ? []
    : (validate.errors ?? []).map((e) => ({
        rule: 'schema',
        message: `custom-functions.schema.json ${e.instancePath || '/'}: ${e.message ?? e.keyword}${
          e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : ''
        }${e.keyword === 'enum' ? ` (${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')})` : ''}`,
      }));
  const keys = gapKeysUsed(json);
  const gaps = keys.length > 0 ? [`known gap: keys newer than the 2019 schema, accepted with their types: ${keys.join(', ')}`] : [];
  return { problems, gaps };
}
