/**
 * Microsoft's naming rules for custom functions, checked on the metadata the build writes (functions.json and
 * functions.zh-cn.json). Source: learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming —
 *   - an id and a name both start with a letter and have at least three characters;
 *   - an id uses only A–Z, 0–9, underscore and period;
 *   - a name uses Unicode letters, underscore and period (no digits);
 *   - neither may match a cell reference, A1 to XFD1048576 or R1C1 to R1048576C16384.
 * custom-functions-metadata checks less (it takes lower-case ids, digits in names, "Z" and "A1"), and Excel does
 * not say why it refuses a function, so the build stops here instead.
 *
 *   new FunctionNamesPlugin({ files: ['functions.json', 'functions.zh-cn.json'] })
 */
'use strict';

const PLUGIN_NAME = 'FunctionNamesPlugin';
const MIN_LENGTH = 3;
/** Excel's last column (XFD) and row. */
const MAX_COLUMN = 16384;
const MAX_ROW = 1048576;

const ID_RULE = /^[A-Z][A-Z0-9_.]*$/;
/** A letter first, then letters (alphabetic code points, which include combining marks), "_" or ".". */
const NAME_RULE = /^\p{L}[\p{Alphabetic}_.]*$/u;

/** Column letters to a 1-based column number (A → 1, XFD → 16384). */
function columnNumber(letters) {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** True when Excel would read the text as a cell address (A1 or R1C1 style), ignoring case as Excel does. */
function isCellReference(text) {
  const a1 = /^([A-Za-z]{1,3})([0-9]+)$/.exec(text);
  if (a1) {
    const row = Number(a1[2]);
    if (columnNumber(a1[1]) <= MAX_COLUMN && row >= 1 && row <= MAX_ROW) return true;
  }
  const r1c1 = /^[Rr]([0-9]+)[Cc]([0-9]+)$/.exec(text);
  if (r1c1) {
    const row = Number(r1c1[1]);
    const col = Number(r1c1[2]);
    if (row >= 1 && row <= MAX_ROW && col >= 1 && col <= MAX_COLUMN) return true;
  }
  return false;
}

/** Problems shared by ids and names (an empty list when the text is fine). */
function commonProblems(kind, text) {
  const problems = [];
  if (typeof text !== 'string' || text.length === 0) return [`${kind} is missing`];
  if (text.length < MIN_LENGTH) problems.push(`${kind} "${text}" is shorter than ${MIN_LENGTH} characters`);
  if (isCellReference(text)) problems.push(`${kind} "${text}" reads as a cell reference`);
  return problems;
}

function idProblems(id) {
  const problems = commonProblems('id', id);
  if (typeof id === 'string' && id && !ID_RULE.test(id)) {
    problems.push(`id "${id}" must start with a letter and use only A-Z, 0-9, "_" and "."`);
  }
  return problems;
}

function nameProblems(name) {
  const problems = commonProblems('name', name);
  if (typeof name === 'string' && name && !NAME_RULE.test(name)) {
    problems.push(`name "${name}" must start with a letter and use only letters, "_" and "."`);
  }
  return problems;
}

/** Every rule broken by the functions of one metadata object, as "ID: problem" lines. */
function functionNameProblems(metadata) {
  if (!metadata || !Array.isArray(metadata.functions)) return ['no "functions" array'];
  const problems = [];
  for (const fn of metadata.functions) {
    const label = (fn && fn.id) || '(no id)';
    for (const p of [...idProblems(fn && fn.id), ...nameProblems(fn && fn.name)]) problems.push(`${label}: ${p}`);
  }
  return problems;
}

class FunctionNamesPlugin {
  /** @param {{ files?: string[] }} [options] the metadata assets to check */
  constructor(options = {}) {
    this.files = options.files || ['functions.json', 'functions.zh-cn.json'];
  }

  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        // After the metadata files exist (functions.zh-cn.json is derived at PROCESS_ASSETS_STAGE_DERIVED).
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          for (const file of this.files) {
            const asset = compilation.getAsset(file);
            let problems;
            if (!asset) {
              problems = ['was not emitted, so its function names cannot be checked'];
            } else {
              try {
                problems = functionNameProblems(JSON.parse(asset.source.source().toString()));
              } catch (err) {
                problems = [`is not valid JSON (${err.message})`];
              }
            }
            if (problems.length > 0) {
              compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${file}:\n  ${problems.join('\n  ')}`));
            }
          }
        },
      );
    });
  }
}

module.exports = FunctionNamesPlugin;
module.exports.FunctionNamesPlugin = FunctionNamesPlugin;
module.exports.functionNameProblems = functionNameProblems;
module.exports.idProblems = idProblems;
module.exports.nameProblems = nameProblems;
module.exports.isCellReference = isCellReference;
module.exports.NAME_RULE = NAME_RULE;
