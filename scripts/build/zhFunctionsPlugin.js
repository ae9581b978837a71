/**
 * webpack plugin: writes functions.zh-cn.json, the Chinese custom-function metadata that manifest.xml serves to
 * Chinese Excel (<bt:Override Locale="zh-CN">). It takes functions.json as custom-functions-metadata-plugin emitted it
 * (same ids, types, parameters and flags) and replaces the display names and descriptions with the Chinese texts of
 * the function catalog in src/core/metrics — the one source of truth for both languages.
 *
 *   new ZhFunctionsPlugin({ source: 'functions.json', output: 'functions.zh-cn.json' })
 *
 * Loading the catalog: it is TypeScript, and webpack.config.js is plain JS, so the plugin loads it through tsx's
 * scoped require (`require('tsx/cjs/api').require`, tsx 4). That compiles only the catalog's own imports, in memory,
 * without registering a global hook that could change how webpack or ts-loader load other files.
 *
 * Any mismatch (an id in one list and not the other, a parameter renamed on one side, a name Excel would reject)
 * fails the build instead of shipping half-English metadata.
 */
'use strict';

const path = require('path');
const { nameProblems, NAME_RULE } = require('./functionNames');

const PLUGIN_NAME = 'ZhFunctionsPlugin';
const LANG = 'zh-CN';
const CATALOG_PATH = path.resolve(__dirname, '../../src/core/metrics/catalog.ts');

/** Microsoft's rule for a function's display name (see functionNames.js), plus the schema's 128-character limit. */
const VALID_NAME = NAME_RULE;
/** The metadata schema's limit for function and parameter descriptions (the strictest published one). */
const MAX_DESCRIPTION = 128;

/** The function catalog (array of FunctionSpec) compiled on the fly from src/core/metrics/catalog.ts. */
function loadCatalog(catalogPath = CATALOG_PATH) {
  const tsx = require('tsx/cjs/api');
  const loaded = tsx.require(catalogPath, __filename);
  if (!loaded || !Array.isArray(loaded.FUNCTION_CATALOG)) {
    throw new Error(`${catalogPath} does not export FUNCTION_CATALOG`);
  }
  return loaded.FUNCTION_CATALOG;
}

/**
 * Pure transform: English metadata object (parsed functions.json) + catalog → Chinese metadata object.
 * Throws an Error listing every problem found.
 */
function toZhMetadata(metadata, catalog) {
  if (!metadata || !Array.isArray(metadata.functions)) {
    throw new Error('functions.json has no "functions" array');
  }
  const specs = new Map(catalog.map((spec) => [spec.id, spec]));
  const problems = [];
  const seen = new Set();

  const functions = metadata.functions.map((fn) => {
    seen.add(fn.id);
    const spec = specs.get(fn.id);
    if (!spec) {
      problems.push(`${fn.id}: in functions.json but not in the catalog`);
      return fn;
    }
    const name = spec.name[LANG];
    if (nameProblems(name).length > 0 || name.length > 128) {
      problems.push(`${fn.id}: "${name}" is not a valid Excel function name (${nameProblems(name).join('; ') || 'over 128 characters'})`);
    }
    if (spec.description[LANG].length > MAX_DESCRIPTION) {
      problems.push(`${fn.id}: description longer than ${MAX_DESCRIPTION} characters`);
    }
    const params = fn.parameters || [];
    if (params.length !== spec.params.length) {
      problems.push(`${fn.id}: ${params.length} parameters in functions.json, ${spec.params.length} in the catalog`);
    }
    const parameters = params.map((p, i) => {
      const ps = spec.params[i];
      if (!ps || ps.name !== p.name) {
        problems.push(`${fn.id}: parameter ${i + 1} is "${p.name}" in functions.json but "${ps ? ps.name : '(none)'}" in the catalog`);
        return p;
      }
      if (ps.description[LANG].length > MAX_DESCRIPTION) {
        problems.push(`${fn.id}: description of ${p.name} longer than ${MAX_DESCRIPTION} characters`);
      }
      return { ...p, description: ps.description[LANG] };
    });
    return { ...fn, name, description: spec.description[LANG], parameters };
  });

  for (const spec of catalog) {
    if (!seen.has(spec.id)) problems.push(`${spec.id}: in the catalog but not in functions.json (missing @customfunction?)`);
  }
  if (problems.length > 0) {
    throw new Error(`Chinese function metadata cannot be built:\n  ${problems.join('\n  ')}`);
  }
  return { ...metadata, functions };
}

class ZhFunctionsPlugin {
  /** @param {{ source?: string, output?: string, catalog?: unknown[] }} [options] catalog: for tests; loaded otherwise */
  constructor(options = {}) {
    this.source = options.source || 'functions.json';
    this.output = options.output || 'functions.zh-cn.json';
    this.catalog = options.catalog;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        // After every plugin has added its assets (the metadata plugin adds functions.json when the compilation starts).
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_DERIVED },
        () => {
          const asset = compilation.getAsset(this.source);
          if (!asset) {
            compilation.errors.push(
              new WebpackError(
                `${PLUGIN_NAME}: ${this.source} was not emitted, so ${this.output} cannot be written ` +
                  '(is CustomFunctionsMetadataPlugin configured, and did it report errors?)',
              ),
            );
            return;
          }
          try {
            const english = JSON.parse(asset.source.source().toString());
            const zh = toZhMetadata(english, this.catalog || loadCatalog());
            compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(zh, null, 4)));
          } catch (err) {
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${err.message}`));
          }
        },
      );
    });
  }
}

module.exports = ZhFunctionsPlugin;
module.exports.ZhFunctionsPlugin = ZhFunctionsPlugin;
module.exports.toZhMetadata = toZhMetadata;
module.exports.loadCatalog = loadCatalog;
module.exports.VALID_NAME = VALID_NAME;
module.exports.MAX_DESCRIPTION = MAX_DESCRIPTION;
