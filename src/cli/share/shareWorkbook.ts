/**
 * `share` on a saved .xlsx: every formula in every worksheet part and every defined name goes through core's
 * shareFormula; the package is otherwise copied byte for byte. With `values`, cells whose formula calls SHOP keep
 * their cached value and lose the formula (a defined name has no cached value, so it is converted instead).
 *
 * The parts are edited as text (fflate unzips and zips; the XML is not re-serialised) so nothing the kit does not
 * understand is lost. calcChain.xml is removed and full recalculation on load requested: Excel rebuilds the chain
 * and recomputes the replaced formulas, instead of trusting a chain that names cells whose formula is gone.
 */
import * as fs from 'fs';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { FunctionId } from '../../core/metrics/catalog';
import { mentionsShop, shareFormula, type ShareProblem } from '../../core/share/shareFormula';
import { attr, escapeXml, unescapeXml } from '../package/xmlText';

export interface Unconverted {
  /** Sheet part (e.g. xl/worksheets/sheet1.xml) or "definedName". */
  part: string;
  /** Cell address, or the defined name. */
  where: string;
  formula: string;
  reason: ShareProblem | 'noCachedValue';
  name: string;
}

export interface ShareSummary {
  replaced: Partial<Record<FunctionId, number>>;
  /** Cells or names whose formula was rewritten (or frozen with --values). */
  formulas: number;
  frozen: number;
  unconverted: Unconverted[];
}

export class NotAWorkbookError extends Error {}

function add(into: ShareSummary['replaced'], from: ShareSummary['replaced']): void {
  for (const [id, n] of Object.entries(from) as [FunctionId, number][]) into[id] = (into[id] ?? 0) + n;
}

/** A <c> element: its attributes' r, and the body. */
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const FORMULA = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;


function rewriteSheet(xml: string, part: string, values: boolean, summary: ShareSummary): string {
  if (!mentionsShop(xml)) return xml;
  // Shared formulas whose master calls SHOP and was frozen: their followers (<f t="shared" si="n"/>) are frozen too.
  const frozenShared = new Set<string>();
  return xml.replace(CELL, (whole, cellAttrs: string, body: string | undefined) => {
    if (!body) return whole;
    const f = FORMULA.exec(body);
    if (!f) return whole;
    const fAttrs = f[1];
    const si = attr(fAttrs, 'si');
    const where = attr(cellAttrs, 'r') ?? '?';
    const hasValue = /<v>|<is>/.test(body);
    if (f[2] === undefined) {
      // A follower of a shared formula: frozen when its master was.
      if (values && si !== undefined && frozenShared.has(si) && hasValue) return whole.replace(f[0], '');
      return whole;
    }
    const formula = unescapeXml(f[2]);
    if (!mentionsShop(formula)) return whole;
    if (values && hasValue) {
      if (si !== undefined) frozenShared.add(si);
      summary.frozen++;
      summary.formulas++;
      add(summary.replaced, shareFormula(formula).replaced);
      return whole.replace(f[0], '');
    }
    const result = shareFormula(formula);
    if (result.problem) {
      summary.unconverted.push({ part, where, formula, reason: result.problem.reason, name: result.problem.name });
      return whole;
    }
    if (values && !hasValue) {
      summary.unconverted.push({ part, where, formula, reason: 'noCachedValue', name: '' });
    }
    summary.formulas++;
    add(summary.replaced, result.replaced);
    return whole.replace(f[0], `<f${fAttrs}>${escapeXml(result.formula)}</f>`);
  });
}

function rewriteWorkbook(xml: string, summary: ShareSummary): string {
  let out = xml.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (whole, attrs: string, body: string) => {
    const formula = unescapeXml(body);
    if (!mentionsShop(formula)) return whole;
    const result = shareFormula(formula);
    const where = attr(attrs, 'name') ?? '?';
    if (result.problem) {
      summary.unconverted.push({ part: 'definedName', where, formula, reason: result.problem.reason, name: result.problem.name });
      return whole;
    }
    summary.formulas++;
    add(summary.replaced, result.replaced);
    return `<definedName${attrs}>${escapeXml(result.formula)}</definedName>`;
  });
  // Ask Excel (and LibreOffice, WPS) to recompute every formula when the file is opened.
  if (/<calcPr\b/.test(out)) {
    out = out.replace(/<calcPr\b([^>]*?)(\/?)>/, (_m, attrs: string, close: string) =>
      `<calcPr${attrs.replace(/\s*fullCalcOnLoad="[^"]*"/, '')} fullCalcOnLoad="1"${close}>`,
    );
  } else {
    out = out.replace(/(<\/definedNames>|<\/sheets>)(?![\s\S]*(<\/definedNames>))/, `$1<calcPr fullCalcOnLoad="1"/>`);
  }
  return out;
}

/** Reads IN, rewrites it and writes OUT; returns what it did. Throws NotAWorkbookError for a file that is not .xlsx. */
export function shareWorkbook(input: string, output: string, options: { values: boolean }): ShareSummary {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(fs.readFileSync(input));
  } catch {
    throw new NotAWorkbookError(input);
  }
  if (!files['xl/workbook.xml']) throw new NotAWorkbookError(input);
  const summary: ShareSummary = { replaced: {}, formulas: 0, frozen: 0, unconverted: [] };
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    if (name === 'xl/calcChain.xml') continue;
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const xml = strFromU8(data);
      const next = rewriteSheet(xml, name, options.values, summary);
      out[name] = next === xml ? data : strToU8(next);
    } else if (name === 'xl/workbook.xml') {
      out[name] = strToU8(rewriteWorkbook(strFromU8(data), summary));
    } else if (name === '[Content_Types].xml') {
      out[name] = strToU8(strFromU8(data).replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ''));
    } else if (name === 'xl/_rels/workbook.xml.rels') {
      out[name] = strToU8(strFromU8(data).replace(/<Relationship\b[^>]*Target="[^"]*calcChain\.xml"[^>]*\/>/, ''));
    } else out[name] = data;
  }
  fs.writeFileSync(output, zipSync(out, { level: 6 }));
  return summary;
}
