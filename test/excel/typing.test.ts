/**
 * src/excel is typed strictly against @types/office-js: no `any`, no suppressed errors, and no Office enum values at
 * run time (string literals instead), so the modules load outside Office (tests, the demo) and the compiler checks
 * every API name.
 */
import * as fs from 'fs';
import * as path from 'path';

const dir = path.join(__dirname, '../../src/excel');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));

function code(file: string): string {
  // Strip comments so prose may say "any".
  return fs.readFileSync(path.join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

describe('src/excel typing rules', () => {
  test('there are modules to check', () => {
    expect(files).toEqual(expect.arrayContaining(['OfficeWorkbook.ts', 'run.ts', 'template.ts', 'entries.ts', 'log.ts', 'marks.ts', 'select.ts', 'reports.ts', 'meta.ts', 'requirements.ts']));
  });

  test.each(files)('%s: no any, no ts-ignore, no enum values at run time', (file) => {
    const src = code(file);
    expect(src).not.toMatch(/[:<,(]\s*any\b|\bas any\b|any\[\]/);
    expect(src).not.toMatch(/@ts-ignore|@ts-expect-error|@ts-nocheck/);
    expect(src).not.toMatch(/\bExcel\.[A-Z]\w*\.[a-z]\w*/);
  });
});
