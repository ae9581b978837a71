/**
 * Offline rules for manifest.xml. Microsoft's validator is a web service and no package ships the current XSDs, so
 * these checks cover what breaks add-ins in practice: broken resource ids, http URLs, a shared runtime whose ids
 * disagree, missing zh-CN strings, and an override for the default locale (which stops the add-in loading).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface Problem {
  rule: string;
  message: string;
}

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  path: string;
}

const MAX_RESID = 32;
const MAX_NAMESPACE = 32;
const MAX_SHORT_STRING = 125;
const MAX_LONG_STRING = 250;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
export const TRANSLATED_LOCALE = 'zh-CN';

type ResourceKind = 'Image' | 'Url' | 'ShortString' | 'LongString';

/** Which kind of resource an element's resid must point at (elements not listed accept any kind). */
const RESID_KIND: Record<string, ResourceKind> = {
  'bt:Image': 'Image',
  SourceLocation: 'Url',
  Runtime: 'Url',
  FunctionFile: 'Url',
  LearnMoreUrl: 'Url',
  Label: 'ShortString',
  Title: 'ShortString',
  Namespace: 'ShortString',
  Description: 'LongString',
};

const RESOURCE_SECTIONS: Record<string, ResourceKind> = {
  'bt:Images': 'Image',
  'bt:Urls': 'Url',
  'bt:ShortStrings': 'ShortString',
  'bt:LongStrings': 'LongString',
};

interface Resource {
  id: string;
  kind: ResourceKind;
  value: string;
  overrides: Map<string, string>;
  node: XmlNode;
}

type OrderedXml = Array<Record<string, unknown>>;

function toNodes(ordered: OrderedXml, parentPath: string): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const entry of ordered) {
    const name = Object.keys(entry).find((k) => k !== ':@');
    if (!name || name === '#text' || name.startsWith('?')) continue;
    const attrs = (entry[':@'] as Record<string, string> | undefined) ?? {};
    const raw = (entry[name] as OrderedXml) ?? [];
    const index = nodes.filter((n) => n.name === name).length;
    const path = `${parentPath}/${name}${attrs.id ? `[@id="${attrs.id}"]` : index > 0 ? `[${index + 1}]` : ''}`;
    const text = raw
      .filter((c) => '#text' in c)
      .map((c) => String(c['#text']))
      .join('')
      .trim();
    nodes.push({ name, attrs, text, path, children: toNodes(raw, path) });
  }
  return nodes;
}

/** Parses XML into a small ordered tree, or returns the well-formedness problem. */
export function parseManifest(xml: string): { root: XmlNode } | { problem: Problem } {
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    return { problem: { rule: 'well-formed', message: `Malformed XML at line ${line}, column ${col}: ${msg}` } };
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  const roots = toNodes(parser.parse(xml) as OrderedXml, '');
  if (roots.length !== 1) {
    return { problem: { rule: 'well-formed', message: `Expected one root element, found ${roots.length}` } };
  }
  return { root: roots[0] };
}

function walk(node: XmlNode, visit: (n: XmlNode) => void): void {
  visit(node);
  node.children.forEach((c) => walk(c, visit));
}

function all(root: XmlNode, predicate: (n: XmlNode) => boolean): XmlNode[] {
  const found: XmlNode[] = [];
  walk(root, (n) => {
    if (predicate(n)) found.push(n);
  });
  return found;
}

const child = (n: XmlNode | undefined, name: string): XmlNode | undefined => n?.children.find((c) => c.name === name);
const named = (name: string) => (n: XmlNode) => n.name === name;
const isOverride = (n: XmlNode) => n.name === 'Override' || n.name === 'bt:Override';

function collectResources(root: XmlNode, problems: Problem[]): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  for (const section of all(root, (n) => n.name in RESOURCE_SECTIONS)) {
    const kind = RESOURCE_SECTIONS[section.name];
    for (const item of section.children) {
      const id = item.attrs.id;
      if (!id) {
        problems.push({ rule: 'resid', message: `${item.path}: resource without an id` });
        continue;
      }
      if (resources.has(id)) {
        problems.push({ rule: 'resid', message: `Resource id "${id}" is defined twice` });
      }
      if (id.length > MAX_RESID) {
        problems.push({
          rule: 'resid-length',
          message: `Resource id "${id}" is ${id.length} characters; Office allows at most ${MAX_RESID}`,
        });
      }
      const overrides = new Map<string, string>();
      item.children.filter(isOverride).forEach((o) => overrides.set(o.attrs.Locale ?? '', o.attrs.Value ?? ''));
      resources.set(id, { id, kind, value: item.attrs.DefaultValue ?? '', overrides, node: item });
    }
  }
  return resources;
}

function checkResids(root: XmlNode, resources: Map<string, Resource>, problems: Problem[]): void {
  for (const ref of all(root, (n) => 'resid' in n.attrs)) {
    const resid = ref.attrs.resid;
    if (resid.length > MAX_RESID) {
      problems.push({
        rule: 'resid-length',
        message: `${ref.path}: resid "${resid}" is ${resid.length} characters; Office allows at most ${MAX_RESID}`,
      });
    }
    const target = resources.get(resid);
    if (!target) {
      problems.push({
        rule: 'resid',
        message: `${ref.path}: resid "${resid}" does not match any bt:Image, bt:Url or bt:String id in <Resources>`,
      });
      continue;
    }
    const expected = RESID_KIND[ref.name];
    if (expected && expected !== target.kind) {
      problems.push({
        rule: 'resid',
        message: `${ref.path}: resid "${resid}" is a ${target.kind} resource, but <${ref.name}> needs a ${expected}`,
      });
    }
  }
}

function checkUrls(root: XmlNode, problems: Problem[]): void {
  walk(root, (n) => {
    const values: Array<[string, string]> = Object.entries(n.attrs).filter(([k]) => !k.startsWith('xmlns'));
    if (n.text) values.push(['text', n.text]);
    for (const [where, value] of values) {
      if (URL_LIKE.test(value) && !value.toLowerCase().startsWith('https://')) {
        problems.push({
          rule: 'https',
          message: `${n.path}${where === 'text' ? '' : ` @${where}`}: URL "${value}" is not https (Office loads add-ins only over HTTPS)`,
        });
      }
    }
  });
}

function checkIdentity(root: XmlNode, problems: Problem[]): void {
  if (root.name !== 'OfficeApp' || root.attrs['xsi:type'] !== 'TaskPaneApp') {
    problems.push({ rule: 'structure', message: 'Root element must be <OfficeApp xsi:type="TaskPaneApp">' });
  }
  const id = child(root, 'Id')?.text ?? '';
  if (!GUID.test(id)) {
    problems.push({ rule: 'id', message: `<Id> must be a GUID like 8-4-4-4-12 hex digits; found "${id}"` });
  }
  const hosts = child(root, 'Hosts')?.children.map((h) => h.attrs.Name) ?? [];
  if (!hosts.includes('Workbook')) {
    problems.push({ rule: 'structure', message: '<Hosts> must list <Host Name="Workbook"/> (Excel)' });
  }
  const permission = child(root, 'Permissions')?.text;
  if (permission !== 'ReadWriteDocument') {
    problems.push({ rule: 'structure', message: `<Permissions> must be ReadWriteDocument; found "${permission ?? ''}"` });
  }
  const sets = all(root, named('Set')).map((s) => s.attrs.Name);
  if (!sets.includes('SharedRuntime')) {
    problems.push({ rule: 'runtime', message: '<Requirements> must require <Set Name="SharedRuntime" MinVersion="1.1"/>' });
  }
}

function checkLocales(root: XmlNode, resources: Map<string, Resource>, problems: Problem[]): string {
  const defaultLocale = child(root, 'DefaultLocale')?.text ?? '';
  if (!defaultLocale) problems.push({ rule: 'locale', message: '<DefaultLocale> is missing' });
  for (const o of all(root, isOverride)) {
    if (defaultLocale && (o.attrs.Locale ?? '').toLowerCase() === defaultLocale.toLowerCase()) {
      problems.push({
        rule: 'default-locale-override',
        message: `${o.path}: override for the default locale ${defaultLocale}; Office may refuse to load the add-in — put that text in DefaultValue instead`,
      });
    }
  }
  for (const name of ['DisplayName', 'Description']) {
    const el = child(root, name);
    if (!el?.children.some((o) => isOverride(o) && o.attrs.Locale === TRANSLATED_LOCALE)) {
      problems.push({ rule: 'zh-override', message: `<${name}> has no ${TRANSLATED_LOCALE} <Override>` });
    }
  }
  for (const r of resources.values()) {
    if (r.kind !== 'ShortString' && r.kind !== 'LongString') continue;
    if (!r.overrides.has(TRANSLATED_LOCALE)) {
      problems.push({ rule: 'zh-override', message: `${r.kind} "${r.id}" has no ${TRANSLATED_LOCALE} <bt:Override>` });
    }
    const limit = r.kind === 'ShortString' ? MAX_SHORT_STRING : MAX_LONG_STRING;
    for (const [locale, text] of [['default', r.value], ...r.overrides] as Array<[string, string]>) {
      if (text.length > limit) {
        problems.push({
          rule: 'string-length',
          message: `${r.kind} "${r.id}" (${locale}) is ${text.length} characters; the limit is ${limit}`,
        });
      }
    }
  }
  return defaultLocale;
}

/** The Host element of VersionOverrides (the one that carries the ribbon and functions). */
function overridesHost(root: XmlNode): XmlNode | undefined {
  return child(child(child(root, 'VersionOverrides'), 'Hosts'), 'Host');
}

function checkSharedRuntime(root: XmlNode, resources: Map<string, Resource>, problems: Problem[]): void {
  const host = overridesHost(root);
  if (!host) {
    problems.push({ rule: 'structure', message: '<VersionOverrides><Hosts><Host> is missing' });
    return;
  }
  const runtimes = host.children[0];
  const runtime = child(runtimes, 'Runtime');
  if (runtimes?.name !== 'Runtimes' || !runtime) {
    problems.push({ rule: 'runtime', message: '<Runtimes><Runtime …/></Runtimes> must be the first child of <Host>' });
    return;
  }
  if (runtime.attrs.lifetime !== 'long') {
    problems.push({
      rule: 'runtime',
      message: `<Runtime resid="${runtime.attrs.resid ?? ''}"> needs lifetime="long" (a shared runtime that keeps functions and pane together)`,
    });
  }
  const runtimeId = runtime.attrs.resid;
  const uses: Array<[string, XmlNode | undefined]> = [];
  const functions = all(host, (n) => n.name === 'ExtensionPoint' && n.attrs['xsi:type'] === 'CustomFunctions')[0];
  if (!functions) problems.push({ rule: 'functions', message: 'No <ExtensionPoint xsi:type="CustomFunctions">' });
  uses.push(['custom functions <Page>', child(child(functions, 'Page'), 'SourceLocation')]);
  uses.push(['<FunctionFile>', all(host, named('FunctionFile'))[0]]);
  for (const action of all(host, (n) => n.name === 'Action' && n.attrs['xsi:type'] === 'ShowTaskpane')) {
    uses.push([`task pane action ${action.path}`, child(action, 'SourceLocation')]);
  }
  for (const [what, el] of uses) {
    const resid = el?.attrs.resid;
    if (resid !== runtimeId) {
      problems.push({
        rule: 'runtime',
        message: `${what} uses resid "${resid ?? '(none)'}" but the shared runtime is "${runtimeId}"; all must be the same`,
      });
    }
  }
  const pageUrl = resources.get(runtimeId)?.value;
  const defaultPane = child(child(root, 'DefaultSettings'), 'SourceLocation')?.attrs.DefaultValue;
  if (pageUrl && defaultPane !== pageUrl) {
    problems.push({
      rule: 'runtime',
      message: `<DefaultSettings><SourceLocation> is "${defaultPane ?? ''}" but the shared runtime page is "${pageUrl}"`,
    });
  }
  if (functions) checkFunctions(functions, resources, problems);
}

function checkFunctions(functions: XmlNode, resources: Map<string, Resource>, problems: Problem[]): void {
  const metadataId = child(child(functions, 'Metadata'), 'SourceLocation')?.attrs.resid ?? '';
  const metadata = resources.get(metadataId);
  if (metadata && !metadata.overrides.has(TRANSLATED_LOCALE)) {
    problems.push({
      rule: 'zh-override',
      message: `Functions metadata URL "${metadataId}" has no ${TRANSLATED_LOCALE} <bt:Override> (Chinese function names)`,
    });
  }
  const namespaceId = child(functions, 'Namespace')?.attrs.resid ?? '';
  const namespace = resources.get(namespaceId);
  if (namespace) {
    for (const value of [namespace.value, ...namespace.overrides.values()]) {
      if (!value || value.length > MAX_NAMESPACE) {
        problems.push({
          rule: 'namespace',
          message: `Functions namespace "${value}" must be 1–${MAX_NAMESPACE} characters (it is ${value.length})`,
        });
      }
    }
  }
}

/** Every rule; an empty list means the manifest passes. */
export function checkManifest(xml: string): Problem[] {
  const parsed = parseManifest(xml);
  if ('problem' in parsed) return [parsed.problem];
  const { root } = parsed;
  const problems: Problem[] = [];
  checkIdentity(root, problems);
  const resources = collectResources(root, problems);
  checkResids(root, resources, problems);
  checkUrls(root, problems);
  checkLocales(root, resources, problems);
  checkSharedRuntime(root, resources, problems);
  return problems;
}

/** The <FunctionName>s of the ribbon's ExecuteFunction buttons (the command handlers must define each). */
export function executeFunctionNames(xml: string): string[] {
  const parsed = parseManifest(xml);
  if ('problem' in parsed) throw new Error(parsed.problem.message);
  return all(parsed.root, (n) => n.name === 'Action' && n.attrs['xsi:type'] === 'ExecuteFunction').map(
    (a) => child(a, 'FunctionName')?.text ?? '',
  );
}
