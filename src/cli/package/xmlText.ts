/**
 * Editing an .xlsx package's XML parts as text (share, mask, migrate): the few helpers they share. Parts are never
 * re-serialised, so whatever the kit does not model passes through untouched.
 */
import { strFromU8 } from 'fflate';

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_m, e: string) => {
    const k = e.toLowerCase();
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[k]) return named[k];
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The visible text of an <si> or <is> body: every <t> run joined (phonetic runs <rPh> left out). */
export function runText(body: string): string {
  return [...body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');
}

/** The shared-strings table of a package, by index. */
export function sharedStrings(files: Record<string, Uint8Array>): string[] {
  const part = files['xl/sharedStrings.xml'];
  if (!part) return [];
  return [...strFromU8(part).matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map((m) => runText(m[1] ?? ''));
}

/** Every <c> element of a sheet part: the attributes and the body (undefined for an empty <c/>). */
export const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

export function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
}

/** A cell's text as a person sees it (shared, inline or formula string; numbers as written), or undefined. */
export function cellText(attrs: string, body: string | undefined, strings: readonly string[]): string | undefined {
  if (!body) return undefined;
  const type = attr(attrs, 't');
  const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (type === 's') return v === undefined ? undefined : strings[Number(v)];
  if (type === 'inlineStr') return runText(body);
  return v === undefined ? undefined : unescapeXml(v);
}
