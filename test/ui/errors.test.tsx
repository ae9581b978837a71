/** @jest-environment jsdom */
/**
 * Errors in the pane are shown in the pane's language: a WorkbookError with its own text (both languages), anything
 * else with a sentence in that language and the raw detail — never the bare English e.message in a Chinese pane.
 * One hook (useAction) carries busy state and notices for the views.
 */
import './jsdomShims';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import CheckView from '../../src/taskpane/views/CheckView';
import ReportsView from '../../src/taskpane/views/ReportsView';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { WorkbookError } from '../../src/core/workbook';
import { navigate } from '../../src/taskpane/navigation';
import { resetOutboxForTests } from '../../src/taskpane/entry/outboxRunner';
import { errorMessage } from '../../src/taskpane/errors';
import { describeError } from '../../src/taskpane/entry/outbox';
import { sampleRows } from '../../src/taskpane/demo/sampleRows';
import { renderPane } from './renderPane';

const PROTECTED = new WorkbookError('writeFailed', { 'zh-CN': '工作表受保护，无法写入', 'en-US': 'The sheet is protected' }, false);

beforeEach(() => {
  localStorage.clear();
  resetOutboxForTests();
  act(() => navigate('home'));
});

describe('errorMessage', () => {
  test('a WorkbookError keeps its own text in both languages', () => {
    expect(errorMessage(PROTECTED)).toEqual(PROTECTED.text);
  });

  test('any other error gets a sentence in each language, with the detail', () => {
    const text = errorMessage(new TypeError('Failed to fetch'));
    expect(text['zh-CN']).toBe('意外错误，请重试；如仍出错，请把以下信息告诉技术支持：Failed to fetch');
    expect(text['en-US']).toBe('Unexpected error; try again, and if it persists tell support: Failed to fetch');
    expect(errorMessage('plain string')['zh-CN']).toContain('plain string');
  });

  test('the outbox describes an unknown failure the same way (retryable)', () => {
    expect(describeError(new Error('socket hang up'))).toEqual({ text: errorMessage(new Error('socket hang up')), retryable: true });
  });
});

describe('the shell', () => {
  test('a workbook that cannot be read says so in Chinese in a Chinese pane', async () => {
    const wb = new MemoryWorkbook();
    wb.getState = () => Promise.reject(PROTECTED);
    render(<App host={{ kind: 'demo', locale: 'zh-CN', dark: false }} workbook={wb} />);
    const alert = await screen.findByText('出错了：工作表受保护，无法写入');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(screen.queryByText(/The sheet is protected/)).toBeNull();
  });
});

describe('views', () => {
  test('Reports: a failed build shows the error text in the pane language (zh-CN, then en-US)', async () => {
    const wb = new MemoryWorkbook();
    await wb.seed(sampleRows(20, { seed: 2 }).rows);
    wb.buildReports = () => Promise.reject(PROTECTED);
    const view = await renderPane(<ReportsView />, wb, 'zh-CN');
    fireEvent.click(screen.getByRole('button', { name: '生成全部报表' }));
    expect(await screen.findByText('出错了：工作表受保护，无法写入')).toBeTruthy();
    expect(screen.queryByText(/protected/)).toBeNull();
    expect((screen.getByRole('button', { name: '生成全部报表' }) as HTMLButtonElement).disabled).toBe(false);
    view.unmount();

    await renderPane(<ReportsView />, wb, 'en-US');
    fireEvent.click(screen.getByRole('button', { name: 'Build all reports' }));
    expect(await screen.findByText('Something went wrong: The sheet is protected')).toBeTruthy();
  });

  test('Check: a failed highlight shows an unexpected error in Chinese with its detail', async () => {
    const wb = new MemoryWorkbook();
    const { rows } = sampleRows(60, { seed: 7, plantEvery: 20 });
    await wb.seed(rows);
    wb.markCells = () => Promise.reject(new Error('RichApi.Error: GeneralException'));
    await renderPane(<CheckView />, wb, 'zh-CN');
    fireEvent.click(screen.getByRole('button', { name: '开始检查' }));
    await screen.findByTestId('check-summary');
    fireEvent.click(screen.getByRole('button', { name: '标出无效单元格' }));
    expect(await screen.findByText('出错了：意外错误，请重试；如仍出错，请把以下信息告诉技术支持：RichApi.Error: GeneralException')).toBeTruthy();
  });
});
