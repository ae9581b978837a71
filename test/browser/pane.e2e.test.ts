/**
 * End-to-end: the built task pane in real headless Chromium, outside Office and in the browser demo, used as a
 * person would (labels, buttons, keyboard). Needs dist/ (npm test's pretest builds it).
 */
import type { Page } from 'playwright-core';
import { control, openPage, screenshot, startHarness, type Harness } from './browser';

jest.setTimeout(180_000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const GOOD: Array<[string, string, 'fill' | 'select']> = [
  ['客服', '客服1', 'fill'],
  ['客户ID', 'e2e_buyer_01', 'fill'],
  ['客户类型', '零售客户', 'select'],
  ['新老客', '新客', 'select'],
  ['询盘渠道', '微信', 'select'],
  ['地区', '浙江', 'select'],
  ['商品', '示例商品A', 'fill'],
  ['数量', '2', 'fill'],
  ['成交金额', '199', 'fill'],
  ['是否成交', '是', 'select'],
  ['交易类型', '零售', 'select'],
];

async function fillForm(page: Page, overrides: Record<string, string> = {}): Promise<void> {
  for (const [label, value, how] of GOOD) {
    const v = overrides[label] ?? value;
    const el = control(page, label);
    if (how === 'select') await el.selectOption(v);
    else await el.fill(v);
  }
  for (const [label, v] of Object.entries(overrides)) {
    if (GOOD.some(([l]) => l === label)) continue;
    const el = control(page, label);
    if ((await el.evaluate((n) => n.tagName)) === 'SELECT') await el.selectOption(v);
    else await el.fill(v);
  }
}

async function logRowCount(page: Page): Promise<number> {
  const table = page.getByTestId('demo-log-table');
  return Number(await table.getAttribute('data-total-rows'));
}

async function expectRows(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="demo-log-table"]')?.getAttribute('data-total-rows') === String(want),
    n,
    { timeout: 15_000 },
  );
  expect(await logRowCount(page)).toBe(n);
}

async function cell(page: Page, row: number, key: string): Promise<string> {
  return (await page.locator(`[data-testid="demo-log-table"] tr[data-row="${row}"] td[data-key="${key}"]`).textContent()) ?? '';
}

async function insertTemplate(page: Page): Promise<void> {
  await page.getByRole('tab', { name: '首页' }).click();
  await page.getByRole('button', { name: '插入模板' }).click();
  await page.getByText('已插入模板。').waitFor();
  await expectRows(page, 0);
}

describe('outside Office', () => {
  it('says to open the add-in in Excel, with no console errors', async () => {
    const { page, errors } = await openPage(h, 'taskpane.html');
    await page.getByRole('heading', { name: '请在 Excel 中打开 / Open this add-in in Excel' }).waitFor();
    // The genuine office.js ran: outside Office its onReady resolves with no host, and there is no Excel namespace.
    const office = await page.evaluate(async () => {
      const w = window as unknown as { Office?: { onReady(): Promise<{ host: unknown }>; HostType?: { Excel?: string } }; Excel?: unknown };
      const info = await w.Office!.onReady();
      return { host: info.host, excel: typeof w.Excel, hostType: w.Office!.HostType?.Excel };
    });
    expect(office).toEqual({ host: null, excel: 'undefined', hostType: 'Excel' });
    expect(await page.getByRole('link').getAttribute('href')).toBe('?demo');
    await screenshot(page, 'outside-office');
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('still renders the message when office.js did not load', async () => {
    const { page, errors } = await openPage(h, 'taskpane.html', 'absent');
    await page.getByRole('heading', { name: '请在 Excel 中打开 / Open this add-in in Excel' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('browser demo, as a user', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openPage(h, 'taskpane.html?demo'));
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('starts without the template and inserts it from Home', async () => {
    await page.getByText('此工作簿还没有询盘统计模板').waitFor();
    await insertTemplate(page);
    await page.getByText('已有询盘统计模板（版本 2）').waitFor();
    await screenshot(page, 'home-zh');
  });

  it('an empty submit shows errors and writes nothing', async () => {
    await page.getByRole('tab', { name: '录入' }).click();
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('「客户ID」必填').waitFor();
    await page.getByText('「是否成交」必填').waitFor();
    await page.waitForTimeout(300);
    expect(await logRowCount(page)).toBe(0);
  });

  it('accepts full-width digits and "¥1,280.50", normalised in the log; focus returns to 客户ID', async () => {
    await fillForm(page, { 数量: '１２', 成交金额: '¥1,280.50' });
    await page.getByRole('button', { name: '提交' }).click();
    await expectRows(page, 1);
    expect(await cell(page, 0, 'quantity')).toBe('12');
    expect(await cell(page, 0, 'amount')).toBe('1280.5');
    expect(await cell(page, 0, 'customerId')).toBe('e2e_buyer_01');
    await page.getByText('已写入第 2 行').first().waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('customerId');
  });

  it('blocks 否 without a reason, with the message', async () => {
    await fillForm(page, { 客户ID: 'e2e_buyer_02', 是否成交: '否', 交易类型: '', 数量: '', 成交金额: '', 跟进情况: '已跟进' });
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('「未成交原因」必填：未成交时请选择原因').waitFor();
    await page.waitForTimeout(300);
    expect(await logRowCount(page)).toBe(1);
    await screenshot(page, 'entry-errors-zh');
  });

  it('a good entry adds exactly one row; Enter submits from a field', async () => {
    await control(page, '未成交原因').selectOption('价格高');
    await control(page, '地区').press('Enter');
    await expectRows(page, 2);
    expect(await cell(page, 1, 'deal')).toBe('否');
    expect(await cell(page, 1, 'noDealReason')).toBe('价格高');
  });

  it('restores the draft after a reload mid-typing', async () => {
    await control(page, '客户ID').fill('draft_buyer');
    await control(page, '备注').fill('问了尺码');
    await page.reload();
    await page.getByRole('tab', { name: '录入' }).click();
    await expect(control(page, '客户ID').inputValue()).resolves.toBe('draft_buyer');
    await expect(control(page, '备注').inputValue()).resolves.toBe('问了尺码');
    await page.getByText('已恢复未提交的草稿。').waitFor();
    // The demo workbook lives in the page: a reload starts it again without the template.
    await insertTemplate(page);
  });

  it('keeps a failed write in the outbox, then retries it into the log', async () => {
    await page.getByRole('tab', { name: '录入' }).click();
    await page.evaluate(() => window.__shopStatsDemo!.failNextWrite());
    await fillForm(page, { 客户ID: 'outbox_buyer' });
    await page.getByRole('button', { name: '提交' }).click();
    const outbox = page.getByTestId('outbox');
    await outbox.getByText(/outbox_buyer/).waitFor();
    expect(await logRowCount(page)).toBe(0);
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('shopStats.v1.outbox') ?? '[]').length);
    expect(stored).toBe(1);
    await screenshot(page, 'entry-outbox-zh');
    // Retried automatically (backoff) or by "retry now", whichever comes first.
    const retry = outbox.getByRole('button', { name: '立即重试' });
    await retry.click({ timeout: 1000 }).catch(() => undefined);
    await expectRows(page, 1);
    expect(await cell(page, 0, 'customerId')).toBe('outbox_buyer');
    await outbox.waitFor({ state: 'detached' });
  });

  it('has screenshots of every view in zh and en', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const tabs = lang === 'zh' ? ['首页', '录入', '检查', '报表'] : ['Home', 'Entry', 'Check', 'Reports'];
      const names = ['home', 'entry', 'check', 'reports'];
      for (let i = 0; i < tabs.length; i++) {
        await page.getByRole('tab', { name: tabs[i] }).click();
        await page.locator('main h2').first().waitFor();
        await page.waitForTimeout(200);
        await screenshot(page, `${names[i]}-${lang}`);
      }
      if (lang === 'zh') {
        await page.getByRole('tab', { name: '设置' }).click();
        await page.getByLabel('English（英文）').check();
        await page.getByRole('tab', { name: 'Settings' }).waitFor();
      }
    }
    await page.getByRole('tab', { name: 'Settings' }).click();
    await screenshot(page, 'settings-en');
    await page.getByLabel('Follow Office').check();
    await page.getByRole('tab', { name: '设置' }).waitFor();
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('check on 10,000 generated rows', () => {
  it('finds every planted error and no other', async () => {
    const { page, errors } = await openPage(h, 'taskpane.html?demo&seed=10000&plant=50');
    await page.getByText('记录行数：10000').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: '检查' }).click();
    const started = Date.now();
    await page.getByRole('button', { name: '开始检查' }).click();
    const summary = page.getByTestId('check-summary');
    await summary.waitFor({ timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;
    const planted = await page.evaluate(() => window.__shopStatsDemo!.planted.map((p) => `${p.rowIndex}:${p.key}`));
    expect(planted).toHaveLength(200);
    expect(await summary.getAttribute('data-rows')).toBe('10000');
    expect(await summary.getAttribute('data-errors')).toBe('200');
    const found = await page.$$eval('[data-testid="check-problems"] tr[data-severity="error"]', (trs) =>
      trs.map((tr) => `${tr.getAttribute('data-row')}:${tr.getAttribute('data-key')}`),
    );
    expect(found.sort()).toEqual([...planted].sort());
    await screenshot(page, 'check-10000-zh', false);
    // Clicking a problem selects its cell in the (demo) workbook.
    const first = planted[0].split(':');
    await page.locator(`[data-testid="check-problems"] tr[data-row="${first[0]}"] button`).first().click();
    await page.waitForFunction((want) => JSON.stringify(window.__shopStatsDemo!.workbook.snapshot().selected) === want, JSON.stringify({ rowIndex: Number(first[0]), key: first[1] }));
    // Highlight the invalid cells, then clear them.
    await page.getByRole('button', { name: '标出无效单元格' }).click();
    await page.getByText('已标出 200 个单元格').waitFor();
    expect(await page.evaluate(() => window.__shopStatsDemo!.workbook.snapshot().marks.length)).toBe(200);
    await screenshot(page, 'check-highlighted-zh', false);
    await page.getByRole('button', { name: '清除标记' }).click();
    await page.getByText('已清除标记').waitFor();
    expect(await page.evaluate(() => window.__shopStatsDemo!.workbook.snapshot().marks.length)).toBe(0);
    expect(errors).toEqual([]);
    expect(seconds).toBeLessThan(60);
    await page.context().close();
  });
});

describe('reports and theme in the demo', () => {
  it('builds all eight reports and previews them', async () => {
    const { page, errors } = await openPage(h, 'taskpane.html?demo&seed=300');
    await page.getByText('记录行数：300').waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: '报表' }).click();
    await page.getByRole('button', { name: '生成全部报表' }).click();
    await page.getByText('已在“报表”工作表生成 8 个报表').waitFor();
    const built = await page.evaluate(() => window.__shopStatsDemo!.workbook.snapshot().reports?.built ?? []);
    expect(built).toEqual(['channel', 'region', 'customerMix', 'noDealReasons', 'products', 'agents', 'daily', 'followUp']);
    await page.getByRole('button', { name: '计算预览' }).click();
    await page.getByTestId('report-preview').waitFor();
    expect(await page.locator('[data-testid="report-preview"] section[data-report]').count()).toBe(8);
    await screenshot(page, 'reports-preview-zh');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('follows a dark colour scheme outside Office', async () => {
    const { page, errors } = await openPage(h, 'taskpane.html?demo', 'genuine', { colorScheme: 'dark' });
    await page.getByRole('tab', { name: '首页' }).waitFor();
    const bg = await page.locator('.fui-FluentProvider').first().evaluate((n) => getComputedStyle(n).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    await screenshot(page, 'home-dark-zh');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

