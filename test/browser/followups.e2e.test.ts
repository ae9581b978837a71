/**
 * End-to-end, in headless Chromium on the demo workbook: the follow-up list against a generated log, each outcome's
 * cells, a row changed meanwhile, the keyboard-only path (entry → follow-ups → outcome → entry), and the charts in
 * light and dark, zh and en (screenshots in test-results/screenshots/).
 */
import type { Page } from 'playwright-core';
import { isoToSerial, todayIso } from '../../src/core/dates';
import { addDays } from '../../src/core/followups';
import { COLUMNS, mapHeaders, type LogEntry } from '../../src/core/schema';
import { generateRows } from '../support/generateRows';
import { openPage, screenshot, startHarness, type Harness } from './browser';

jest.setTimeout(180_000);

const today = todayIso();
const positions = mapHeaders(COLUMNS.map((c) => c.zh)).positions;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const pending = (customerId: string, next: string | null, over: Partial<LogEntry> = {}): LogEntry => ({
  date: addDays(today, -12), agent: '客服1', customerId, customerType: '零售客户', newOrReturning: '新客', channel: '微信', region: '浙江',
  product: '示例商品A', quantity: null, amount: null, deal: '否', dealType: null, noDealReason: '价格高', followUp: '待跟进',
  nextFollowUp: next, note: null, ...over,
});

/** A generated log ending today plus one row of each case: due today, overdue, due tomorrow, 待跟进 without a date. */
function log(): LogEntry[] {
  return [
    ...generateRows(300, 41, { endDate: today, days: 40 }),
    pending('e2e_today', today),
    pending('e2e_overdue', addDays(today, -5), { note: '要发票' }),
    pending('e2e_future', addDays(today, 1)),
    pending('e2e_nodate', null),
  ];
}

/** Which rows are due, and in which order, worked out here from the entries (not by the code under test). */
function expectedDue(entries: LogEntry[]): Array<{ row: number; overdue: number }> {
  return entries
    .map((e, row) => ({ e, row }))
    .filter(({ e }) => (e.followUp === '待跟进' || e.followUp === '已跟进') && e.nextFollowUp !== null && e.nextFollowUp <= today)
    .map(({ e, row }) => ({ row, overdue: isoToSerial(today) - isoToSerial(e.nextFollowUp!) }))
    .sort((a, b) => b.overdue - a.overdue || a.row - b.row);
}

async function seed(page: Page, entries: LogEntry[]): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__shopStatsDemo));
  await page.evaluate(async (rows) => window.__shopStatsDemo!.workbook.seed(rows), entries);
}

async function logRows(page: Page): Promise<unknown[][]> {
  return page.evaluate(() => window.__shopStatsDemo!.workbook.snapshot().log!.rows);
}

/** Every listed row (opening further pages first). */
async function listed(page: Page): Promise<Array<{ row: number; overdue: number }>> {
  const more = page.getByRole('button', { name: /^再显示/ });
  while (await more.count()) await more.click();
  return page.$$eval('[data-testid="followups-list"] [data-row]', (els) =>
    els.map((e) => ({ row: Number(e.getAttribute('data-row')), overdue: Number(e.getAttribute('data-overdue')) })),
  );
}

function diff(before: unknown[][], after: unknown[][]): string[] {
  const out: string[] = [];
  after.forEach((r, i) => r.forEach((v, c) => v !== before[i]?.[c] && out.push(`${i}:${COLUMNS[c].key}=${String(v)}`)));
  if (after.length !== before.length) out.push(`rows ${before.length}→${after.length}`);
  return out;
}

async function openFollowUps(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '待跟进' }).click();
  await page.getByTestId('followups-count').waitFor();
}

describe('follow-ups on a generated log', () => {
  let page: Page;
  let errors: string[];
  const entries = log();
  const due = expectedDue(entries);

  beforeAll(async () => {
    ({ page, errors } = await openPage(h, 'taskpane.html?demo'));
    await seed(page, entries);
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('lists exactly the due rows, overdue first; future and undated rows are not listed', async () => {
    await page.getByText(`记录行数：${entries.length}`).waitFor();
    const homeCount = page.getByTestId('home-followups');
    await homeCount.waitFor();
    expect(Number(await homeCount.getAttribute('data-due'))).toBe(due.length);
    await openFollowUps(page);
    expect(due.length).toBeGreaterThan(10);
    expect(await listed(page)).toEqual(due);
    const rowOf = (id: string) => entries.findIndex((e) => e.customerId === id);
    const shown = (await listed(page)).map((d) => d.row);
    expect(shown).toContain(rowOf('e2e_today'));
    expect(shown).toContain(rowOf('e2e_overdue'));
    expect(shown).not.toContain(rowOf('e2e_future'));
    expect(shown).not.toContain(rowOf('e2e_nodate'));
    expect(await page.getByTestId('followups-undated').getAttribute('data-undated')).toBe('1');
    const overdue = page.locator(`[data-testid="followups-list"] [data-row="${rowOf('e2e_overdue')}"]`);
    expect(await overdue.textContent()).toContain('逾期 5 天');
    expect(await overdue.textContent()).toContain('要发票');
    await screenshot(page, 'followups-zh');
  });

  it('clicking a row selects it in the workbook', async () => {
    const first = due[0].row;
    await page.locator(`[data-testid="followups-list"] [data-row="${first}"] [data-first-action]`).click();
    await page.waitForFunction((want) => JSON.stringify(window.__shopStatsDemo!.workbook.snapshot().selected) === want, JSON.stringify({ rowIndex: first, key: 'customerId' }));
  });

  it('each outcome changes exactly its cells of that row', async () => {
    const cases: Array<{ kind: string; row: number; expect: (row: number) => string[] }> = [
      { kind: 'followed', row: due[0].row, expect: (r) => [`${r}:followUp=已跟进`, `${r}:nextFollowUp=${isoToSerial(addDays(today, 3))}`] },
      { kind: 'converted', row: due[1].row, expect: (r) => [`${r}:followUp=已转化`] },
      { kind: 'lost', row: due[2].row, expect: (r) => [`${r}:followUp=已流失`] },
    ];
    for (const c of cases) {
      const before = await logRows(page);
      const item = page.locator(`[data-testid="followups-list"] [data-row="${c.row}"]`);
      await item.locator(`[data-outcome="${c.kind}"]`).click();
      await item.waitFor({ state: 'detached' });
      expect(diff(before, await logRows(page))).toEqual(c.expect(c.row));
    }
    expect(Number(await page.getByTestId('followups-count').getAttribute('data-due'))).toBe(due.length - 3);
  });

  it('a 下次跟进 typed by the user is the one written', async () => {
    const row = due[3].row;
    const before = await logRows(page);
    const item = page.locator(`[data-testid="followups-list"] [data-row="${row}"]`);
    await item.getByLabel('下次跟进').fill(addDays(today, 10));
    await item.locator('[data-outcome="followed"]').click();
    await item.waitFor({ state: 'detached' });
    expect(diff(before, await logRows(page))).toEqual([`${row}:followUp=已跟进`, `${row}:nextFollowUp=${isoToSerial(addDays(today, 10))}`]);
  });

  it('a row changed meanwhile is not overwritten; the list says so and refreshes', async () => {
    const row = due[4].row;
    // A colleague edits the row in the grid after the list was read.
    await page.evaluate(({ r, at }) => {
      window.__shopStatsDemo!.workbook.table('询盘统计')!.rows[r][at] = '客户说下周再聊';
    }, { r: row, at: positions.note! });
    const before = await logRows(page);
    await page.locator(`[data-testid="followups-list"] [data-row="${row}"] [data-outcome="lost"]`).click();
    await page.getByText(`第 ${row + 2} 行已被移动或修改，未写入；列表已刷新。`).waitFor();
    expect(diff(before, await logRows(page))).toEqual([]);
    // Refreshed: the row is listed again, now with the colleague's note.
    const again = page.locator(`[data-testid="followups-list"] [data-row="${row}"]`);
    await again.getByText('客户说下周再聊').waitFor();
  });

  it('a failed write goes to the outbox and lands once, without a duplicate', async () => {
    const row = due[5].row;
    const before = await logRows(page);
    await page.evaluate(() => window.__shopStatsDemo!.failNextWrite(1, 'timeout'));
    await page.locator(`[data-testid="followups-list"] [data-row="${row}"] [data-outcome="converted"]`).click();
    await page.getByTestId('outbox').waitFor();
    await page.getByRole('button', { name: '立即重试' }).click();
    await page.getByText(`待写入的跟进结果已写入第 ${row + 2} 行。`).waitFor();
    expect(diff(before, await logRows(page))).toEqual([`${row}:followUp=已转化`]);
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('keyboard only', () => {
  it('logs an entry, opens the follow-ups, records an outcome and returns to entry without the mouse', async () => {
    const { page, errors } = await openPage(h, 'taskpane.html?demo');
    await page.waitForFunction(() => Boolean(window.__shopStatsDemo));
    await page.evaluate(() => window.__shopStatsDemo!.workbook.insertTemplate({ lang: 'zh-CN' }));
    await page.getByText('记录行数：0').waitFor();
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName ?? '', name: el?.getAttribute('name') ?? '', outcome: el?.getAttribute('data-outcome') ?? '', text: el?.textContent ?? '' };
    });
    /** Choose an option of the focused select with arrow keys (its index read from the page, not clicked). */
    const choose = async (value: string) => {
      const idx = await page.evaluate((v) => Array.from((document.activeElement as HTMLSelectElement).options).findIndex((o) => o.value === v), value);
      expect(idx).toBeGreaterThan(0);
      await page.keyboard.press('Home');
      for (let i = 0; i < idx; i++) await page.keyboard.press('ArrowDown');
    };

    /**
     * Fill the focused date input with keys only. The order of its year, month and day segments follows the
     * browser's own locale, so find it first: fill every segment with ArrowUp, then see which part of the value
     * each segment's ArrowUp moves, and step each part to the target.
     */
    const typeDate = async (iso: string) => {
      const value = () => page.evaluate(() => (document.activeElement as HTMLInputElement).value);
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('ArrowRight');
      }
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      const parts: number[] = [];
      for (let seg = 0; seg < 3; seg++) {
        const before = (await value()).split('-').map(Number);
        await page.keyboard.press('ArrowUp');
        const after = (await value()).split('-').map(Number);
        await page.keyboard.press('ArrowDown');
        parts.push(after.findIndex((v, k) => v !== before[k]));
        if (seg < 2) await page.keyboard.press('ArrowRight');
      }
      expect([...parts].sort()).toEqual([0, 1, 2]);
      const target = iso.split('-').map(Number);
      for (let seg = 2; seg >= 0; seg--) {
        const now = (await value()).split('-').map(Number);
        const steps = target[parts[seg]] - now[parts[seg]];
        for (let k = 0; k < Math.abs(steps); k++) await page.keyboard.press(steps > 0 ? 'ArrowUp' : 'ArrowDown');
        if (seg > 0) await page.keyboard.press('ArrowLeft');
      }
    };

    await page.keyboard.press('Alt+2');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'customerId');
    // 日期 keeps today's default; 客服 is just before 客户ID.
    await page.keyboard.press('Shift+Tab');
    expect((await focused()).name).toBe('agent');
    // 客服 is a text field with suggestions (the shop's own list, like 商品): replace whatever it holds.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('客服1');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kb_buyer');
    const steps: Array<[string, string, 'select' | 'type' | 'date']> = [
      ['customerType', '零售客户', 'select'], ['newOrReturning', '新客', 'select'], ['channel', '微信', 'select'], ['region', '浙江', 'select'],
      ['product', '示例商品A', 'type'], ['quantity', '', 'type'], ['amount', '', 'type'], ['deal', '否', 'select'], ['dealType', '', 'type'],
      ['noDealReason', '比价中', 'select'], ['followUp', '待跟进', 'select'], ['nextFollowUp', today, 'date'],
    ];
    for (const [name, value, how] of steps) {
      await page.keyboard.press('Tab');
      expect((await focused()).name).toBe(name);
      if (!value) continue;
      if (how === 'select') await choose(value);
      else if (how === 'type') await page.keyboard.type(value);
      else {
        await typeDate(value);
        expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(value);
      }
    }
    await page.keyboard.press('Enter');
    await page.getByText('已写入第 2 行').first().waitFor();
    const rows = await page.evaluate(() => window.__shopStatsDemo!.workbook.snapshot().log!.rows);
    expect(rows).toHaveLength(1);
    expect(rows[0][positions.customerId!]).toBe('kb_buyer');
    expect(rows[0][positions.nextFollowUp!]).toBe(isoToSerial(today));

    await page.keyboard.press('Alt+3');
    await page.getByTestId('followups-count').waitFor();
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-first-action') ?? false);
    for (let i = 0; i < 6 && (await focused()).outcome !== 'converted'; i++) await page.keyboard.press('Tab');
    expect((await focused()).outcome).toBe('converted');
    await page.keyboard.press('Enter');
    await page.getByText('第 2 行已记为“已转化”。').waitFor();
    const after = await page.evaluate(() => window.__shopStatsDemo!.workbook.snapshot().log!.rows);
    expect(after[0][positions.followUp!]).toBe('已转化');
    expect(after[0][positions.nextFollowUp!]).toBe(isoToSerial(today));

    await page.keyboard.press('Alt+2');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'customerId');
    await screenshot(page, 'keyboard-entry-zh');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('charts in light and dark, zh and en', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`${lang} ${scheme}: Home trend and Pareto, and the report preview charts`, async () => {
        const { page, errors } = await openPage(h, 'taskpane.html?demo', 'genuine', { colorScheme: scheme, width: 1280, height: 900 });
        await page.evaluate((l) => localStorage.setItem('shopStats.v1.prefs', JSON.stringify({ lang: l })), lang === 'zh' ? 'zh-CN' : 'en-US');
        await page.reload();
        await seed(page, log());
        await page.getByTestId('home-charts').waitFor({ timeout: 30_000 });
        const charts = page.locator('[data-testid="home-charts"] svg[role="img"]');
        expect(await charts.count()).toBe(2);
        const trend = await charts.nth(0).evaluate((svg) => ({ name: svg.querySelector('title')?.textContent, desc: svg.querySelector('desc')?.textContent, lines: svg.querySelectorAll('polyline').length }));
        expect(trend.name).toBe(lang === 'zh' ? '近 30 天询盘与成交' : 'Inquiries and deals, last 30 days');
        expect(trend.desc).toMatch(lang === 'zh' ? /共 \d+ 条询盘、\d+ 笔成交/ : /\d+ inquiries and \d+ deals/);
        expect(trend.lines).toBe(2);
        // The series colour comes from the theme: the brand colour differs between light and dark.
        const stroke = await charts.nth(0).locator('polyline').first().evaluate((n) => getComputedStyle(n).stroke);
        expect(stroke).toMatch(/^rgb/);
        await page.locator('[data-testid="home-charts"]').scrollIntoViewIfNeeded();
        await screenshot(page, `home-charts-${lang}-${scheme}`);
        await page.getByRole('tab', { name: lang === 'zh' ? '报表' : 'Reports' }).click();
        await page.getByRole('button', { name: lang === 'zh' ? '计算预览' : 'Compute preview' }).click();
        await page.getByTestId('report-preview').waitFor();
        expect(await page.locator('[data-testid="report-preview"] [data-testid="chart"] svg').count()).toBe(6);
        await screenshot(page, `reports-charts-${lang}-${scheme}`);
        await page.getByRole('tab', { name: lang === 'zh' ? '待跟进' : 'Follow-ups' }).click();
        await page.getByTestId('followups-count').waitFor();
        expect(await page.getByTestId('followups-count').textContent()).toMatch(lang === 'zh' ? /^今日待跟进：\d+ 条$/ : /^Follow-ups due: \d+$/);
        await screenshot(page, `followups-${lang}-${scheme}`, false);
        const bg = await page.locator('.fui-FluentProvider').first().evaluate((n) => getComputedStyle(n).backgroundColor);
        const sum = (bg.match(/\d+/g) ?? []).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
        if (scheme === 'dark') expect(sum).toBeLessThan(240);
        else expect(sum).toBeGreaterThan(600);
        expect(errors).toEqual([]);
        await page.context().close();
      });
    }
  }
});
