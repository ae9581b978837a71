/**
 * The reader's XML scanner against saxes (a conformant SAX parser) as the oracle: the same elements, attributes and
 * text for documents cut into two chunks at every position, and the same refusal of what is not well-formed.
 */
import { XlsxError } from '../../src/cli/xlsx/errors';
import { createScanner, type XmlEngineFactory } from '../../src/cli/xlsx/scanner';
import { createSaxes } from './saxesEngine';

type Event = [string, string, Record<string, string>?] | ['text', string];

/** Events of one parse, consecutive text merged (parsers may split text anywhere), whitespace outside the root dropped. */
function events(engine: XmlEngineFactory, chunks: readonly string[]): Event[] {
  const out: Event[] = [];
  let depth = 0;
  const x = engine(
    {
      open: (name, a) => {
        depth++;
        out.push(['open', name, { ...a.all() }]);
      },
      close: (name) => {
        depth--;
        out.push(['close', name]);
      },
      text: (t) => {
        if (depth === 0 || t === '') return;
        const last = out[out.length - 1];
        if (last && last[0] === 'text') last[1] += t;
        else out.push(['text', t]);
      },
    },
    'part.xml',
  );
  for (const c of chunks) x.write(c);
  x.close();
  return out;
}

const WELL_FORMED: Record<string, string> = {
  sheet: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="urn:main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c></row></sheetData></worksheet>',
  prefixed: '<x:worksheet xmlns:x="urn:main"><x:sheetData><x:row r="2"><x:c r="C2" t="inlineStr"><x:is><x:t>询盘</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
  entities: '<sst><si><t xml:space="preserve"> a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#25968;&#x636E; &#x1F600; </t></si></sst>',
  attributes: `<root><r a='single "q"' b = "x > y" c="&amp;&#x4E00;"  d=""/><r\ta="1"\n/></root>`,
  cdataCommentsPi: '<root><!-- a comment with <tags> --><?pi data?><t><![CDATA[<not a tag> & raw]]>客户</t></root>',
  lineEnds: '<root><t>line1\r\nline2\rline3\n</t></root>',
  chinese: `<sst count="3">${['江苏', '备注：客户询问了保温杯的价格', '😀 emoji 与中文'].map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
};

describe('the scanner reads what saxes reads, wherever a chunk ends', () => {
  it.each(Object.entries(WELL_FORMED))('%s', (_, xml) => {
    const expected = events(createSaxes, [xml]);
    expect(expected.length).toBeGreaterThan(2);
    for (let cut = 0; cut <= xml.length; cut++) {
      expect([cut, events(createScanner, [xml.slice(0, cut), xml.slice(cut)])]).toEqual([cut, expected]);
    }
    // And in one-character chunks.
    expect(events(createScanner, [...xml])).toEqual(expected);
  });
});

const MALFORMED: Record<string, string> = {
  mismatched: '<a><b></a></b>',
  textOutsideRoot: '<?xml version="1.0"?>\nfoo\n<a/>',
  bareAmpersand: '<a>fish & chips</a>',
  unknownEntity: '<a>&nbsp;</a>',
  doctype: '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>',
  unclosed: '<a><b>text</b>',
  unterminatedTag: '<a><b attr="1"',
  unquotedAttribute: '<a b=1/>',
  secondRoot: '<a/><b/>',
  empty: '',
};

describe('the scanner refuses what is not well-formed, as saxes does', () => {
  it.each(Object.entries(MALFORMED))('%s', (_, xml) => {
    expect(() => events(createSaxes, [xml])).toThrow(XlsxError);
    for (let cut = 0; cut <= xml.length; cut++) {
      expect(() => events(createScanner, [xml.slice(0, cut), xml.slice(cut)])).toThrow(new XlsxError('damaged', 'part.xml'));
    }
  });
});
