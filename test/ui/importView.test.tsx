/** @jest-environment jsdom */
/**
 * The 平台数据 view with React Testing Library on the in-memory workbook: a GBK export and a shop export picked,
 * previewed, imported; the funnel on screen; an agent export without a date asks for the export date, which the
 * date field then supplies.
 */
import { TextDecoder, TextEncoder } from 'util';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import ImportView from '../../src/taskpane/views/ImportView';
import { agentsGbkCsv, days, platformTruth, shopXlsx } from '../support/platformExports';
import { renderPane } from './renderPane';

// jsdom has no TextDecoder / TextEncoder (browsers do; the Chromium test reads real files): Node's, with GB18030.
Object.assign(globalThis, { TextDecoder, TextEncoder });

const DAYS = days('2026-11-02', 2);
const truth = platformTruth(DAYS, 4);

function pick(files: File[]): void {
  fireEvent.change(screen.getByTestId('import-files'), { target: { files } });
}

/** jsdom's File has no arrayBuffer(); the browser's does. */
function file(bytes: Uint8Array, name: string): File {
  const f = new File([new Uint8Array(bytes)], name);
  Object.defineProperty(f, 'arrayBuffer', { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return f;
}

test('pick, preview, import: tables filled, funnel shown', async () => {
  const wb = new MemoryWorkbook();
  await wb.insertTemplate({ lang: 'zh-CN' });
  await renderPane(<ImportView />, wb);
  expect((screen.getByTestId('import-run') as HTMLButtonElement).disabled).toBe(true);
  pick([file(agentsGbkCsv(truth.agents.filter((r) => r.date === DAYS[0])), 'agents.csv'), file(shopXlsx(truth.shop), 'shop.xlsx')]);
  await screen.findByText(`agents.csv：客服绩效导出，3 行，${DAYS[0]} 至 ${DAYS[0]}（已去掉汇总行 2 行）`);
  await screen.findByText(`shop.xlsx：流量/商品导出，2 行，${DAYS[0]} 至 ${DAYS[1]}（已去掉汇总行 1 行）`);
  fireEvent.click(screen.getByTestId('import-run'));
  await screen.findByText('客服绩效：新增 3 行，更新 0 行，未变 0 行，移除 0 行');
  expect(wb.table('平台流量')!.rows).toHaveLength(2);
  const day = screen.getByTestId('funnel-daily').querySelectorAll('tbody tr')[0].querySelectorAll('td');
  const inquirers = truth.agents.filter((r) => r.date === DAYS[0]).reduce((n, r) => n + (r.inquirers as number), 0);
  expect([day[0].textContent, day[1].textContent, day[2].textContent]).toEqual([DAYS[0], String(truth.shop[0].visitors), String(inquirers)]);
});

test('an export without a date is refused until the date field names the day', async () => {
  const wb = new MemoryWorkbook();
  await renderPane(<ImportView />, wb, 'en-US');
  const noDate = new TextEncoder().encode('客服,询单人数,询单->最终付款人数\n小王,10,4\n');
  pick([file(noDate, 'q.csv')]);
  await screen.findByText('q.csv: no 日期/统计日期 column and no single day in its title; export one day at a time or pass --date');
  expect((screen.getByTestId('import-run') as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(screen.getByTestId('import-date'), { target: { value: '2026-11-05' } });
  await screen.findByText('q.csv: agent performance export, 1 rows, 2026-11-05 to 2026-11-05 (0 summary rows dropped)');
  fireEvent.click(screen.getByTestId('import-run'));
  await waitFor(() => expect(wb.table('客服绩效')?.rows).toHaveLength(1));
});
