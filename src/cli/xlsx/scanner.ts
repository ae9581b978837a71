/**
 * A small streaming XML scanner for package parts. A worksheet of 100,000 rows is ~85 MB of XML made of a handful
 * of element kinds; a general SAX parser (saxes) looks at every character, while this scanner jumps between `<` and
 * `>` with indexOf and parses attributes only when asked. Reading the 100,000-row bench workbook took ~1.5-1.8 s of
 * CPU through saxes and ~1.2-1.3 s through this scanner, with `check`'s target at 3 s (`npm run bench reader`).
 *
 * It still refuses what is not well-formed, so a damaged part is reported rather than half-read: mismatched or
 * unclosed elements, text outside the root element, an `&` that is not one of XML's five entities or a character
 * reference, a DOCTYPE (the Open Packaging Conventions, ECMA-376 Part 2, forbid DTDs in package parts), a tag
 * without its end.
 * Text arrives as decoded strings split anywhere (the caller's TextDecoder already joined split UTF-8 sequences);
 * whatever does not end within a chunk (a tag, a text run) is carried into the next one.
 */
import { XlsxError } from './errors';

export type Attributes = Record<string, string>;

/**
 * A start tag's attributes, valid during the `open` callback only. `get` parses no more than it needs (a sheet's
 * millions of `<c r="B7" s="3" t="s">` tags would otherwise each allocate an object); `all` reads every attribute.
 */
export interface TagAttributes {
  get(name: string): string | undefined;
  all(): Attributes;
}

/** Element names are reported without their namespace prefix (`x:row` → `row`); see xml.ts for why. */
export interface XmlHandlers {
  open(name: string, attributes: TagAttributes): void;
  close?(name: string): void;
  /** Character data (entities and character references resolved, CDATA as is, line ends normalised to \n). */
  text?(text: string): void;
}

export interface XmlEngine {
  write(text: string): void;
  /** End of the part: throws when elements are left open. */
  close(): void;
}

export type XmlEngineFactory = (handlers: XmlHandlers, part: string) => XmlEngine;

const ENTITY_RE = /&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/g;
const BAD_AMPERSAND_RE = /&(?!(?:#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);)/;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NOT_WHITESPACE_RE = /[^ \t\r\n]/;

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export const createScanner: XmlEngineFactory = (handlers, part) => {
  const damaged = () => new XlsxError('damaged', part);
  const onText = handlers.text;
  const onClose = handlers.close;
  const stack: string[] = [];
  let carry = '';
  let rootClosed = false;

  const decode = (s: string): string => {
    if (s.indexOf('&') >= 0) {
      if (BAD_AMPERSAND_RE.test(s)) throw damaged();
      s = s.replace(ENTITY_RE, (_, hex: string | undefined, dec: string | undefined, named: string | undefined) => {
        if (named) return NAMED[named];
        const code = hex ? parseInt(hex, 16) : Number(dec);
        if (code === 0 || code > 0x10ffff) throw damaged();
        return String.fromCodePoint(code);
      });
    }
    return s.indexOf('\r') >= 0 ? s.replace(/\r\n?/g, '\n') : s;
  };

  const text = (s: string, start: number, end: number) => {
    const raw = s.slice(start, end);
    if (stack.length === 0) {
      if (NOT_WHITESPACE_RE.test(raw)) throw damaged();
      return;
    }
    if (onText) onText(decode(raw));
  };

  // Bounds of the attribute found by nextAttribute (module-level, not an object per attribute: a hot path).
  let nameStart = 0;
  let nameEnd = 0;
  let valueStart = 0;
  let valueEnd = 0;

  /** Find the attribute starting at or after `i` in s[i, to): sets the bounds, returns where the next one may start, or -1 at the end. */
  const nextAttribute = (s: string, i: number, to: number): number => {
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    if (i >= to) return -1;
    const eq = s.indexOf('=', i);
    if (eq < 0 || eq >= to) throw damaged();
    let ne = eq;
    while (ne > i && isSpace(s.charCodeAt(ne - 1))) ne--;
    let q = eq + 1;
    while (q < to && isSpace(s.charCodeAt(q))) q++;
    const quote = s.charCodeAt(q);
    if (quote !== 0x22 && quote !== 0x27) throw damaged();
    const close = s.indexOf(quote === 0x22 ? '"' : "'", q + 1);
    if (close < 0 || close >= to || ne === i) throw damaged();
    nameStart = i;
    nameEnd = ne;
    valueStart = q + 1;
    valueEnd = close;
    return close + 1;
  };

  const valueAt = (s: string, vs: number, ve: number): string => {
    const value = s.slice(vs, ve);
    return value.indexOf('&') >= 0 || value.indexOf('<') >= 0 ? attrValue(value) : value;
  };

  // The tag being reported; `tag` reads it lazily and is reused for every tag (no allocation per tag).
  let tagText = '';
  let tagFrom = 0;
  let tagTo = 0;
  const tag: TagAttributes = {
    get(name) {
      const s = tagText;
      const len = name.length;
      for (let i = nextAttribute(s, tagFrom, tagTo); i >= 0; i = nextAttribute(s, i, tagTo)) {
        if (nameEnd - nameStart === len && s.startsWith(name, nameStart)) return valueAt(s, valueStart, valueEnd);
      }
      return undefined;
    },
    all() {
      const attrs: Attributes = {};
      const s = tagText;
      for (let i = nextAttribute(s, tagFrom, tagTo); i >= 0; i = nextAttribute(s, i, tagTo)) {
        attrs[s.slice(nameStart, nameEnd)] = valueAt(s, valueStart, valueEnd);
      }
      return attrs;
    },
  };

  const attrValue = (v: string): string => {
    if (v.indexOf('<') >= 0) throw damaged();
    return decode(v);
  };

  /** Index of the `>` ending the start tag that begins at `from`, skipping quoted attribute values; -1 if not here. */
  const tagEnd = (s: string, from: number): number => {
    let quote = 0;
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 0x3e) return i;
      else if (c === 0x22 || c === 0x27) quote = c;
    }
    return -1;
  };

  const open = (s: string, lt: number, gt: number) => {
    const selfClosing = s.charCodeAt(gt - 1) === 0x2f;
    const end = selfClosing ? gt - 1 : gt;
    let n = lt + 1;
    while (n < end && !isSpace(s.charCodeAt(n))) n++;
    const name = s.slice(lt + 1, n);
    if (name === '' || rootClosed) throw damaged();
    const local = localName(name);
    tagText = s;
    tagFrom = n;
    tagTo = end;
    handlers.open(local, tag);
    if (selfClosing) {
      if (stack.length === 0) rootClosed = true;
      if (onClose) onClose(local);
    } else stack.push(name);
  };

  const closeTag = (name: string) => {
    if (stack.pop() !== name) throw damaged();
    if (stack.length === 0) rootClosed = true;
    if (onClose) onClose(localName(name));
  };

  return {
    write(chunk: string) {
      const s = carry.length > 0 ? carry + chunk : chunk;
      const n = s.length;
      let i = 0;
      for (;;) {
        const lt = s.indexOf('<', i);
        if (lt < 0) break;
        if (lt > i) text(s, i, lt);
        i = lt;
        if (lt + 1 >= n) break;
        const c = s.charCodeAt(lt + 1);
        if (c === 0x2f /* / */) {
          const gt = s.indexOf('>', lt + 2);
          if (gt < 0) break;
          closeTag(s.slice(lt + 2, gt).trimEnd());
          i = gt + 1;
        } else if (c === 0x3f /* ? */) {
          const end = s.indexOf('?>', lt + 2);
          if (end < 0) break;
          i = end + 2;
        } else if (c === 0x21 /* ! */) {
          if (s.startsWith('<!--', lt)) {
            const end = s.indexOf('-->', lt + 4);
            if (end < 0) break;
            i = end + 3;
          } else if (s.startsWith('<![CDATA[', lt)) {
            const end = s.indexOf(']]>', lt + 9);
            if (end < 0) break;
            if (stack.length === 0) throw damaged();
            if (onText) onText(s.slice(lt + 9, end));
            i = end + 3;
          } else if (n - lt < 9) break;
          else throw damaged();
        } else {
          const gt = tagEnd(s, lt + 1);
          if (gt < 0) break;
          open(s, lt, gt);
          i = gt + 1;
        }
      }
      // Text after the last tag may continue in the next chunk: keep it (and any unfinished tag) for then.
      carry = i < n ? s.slice(i) : '';
    },
    close() {
      if (carry.length > 0) {
        if (carry.charCodeAt(0) === 0x3c || NOT_WHITESPACE_RE.test(carry)) throw damaged();
        carry = '';
      }
      if (stack.length > 0 || !rootClosed) throw damaged();
    },
  };
};
