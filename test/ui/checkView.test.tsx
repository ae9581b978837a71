/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import CheckView from '../../src/taskpane/views/CheckView';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { sampleRows } from '../../src/taskpane/demo/sampleRows';
import { renderPane } from './renderPane';

describe('Check view', () => {
  it('finds exactly the planted errors, lists them and selects a clicked cell', async () => {
    const wb = new MemoryWorkbook();
    const { rows, planted } = sampleRows(400, { seed: 7, plantEvery: 37 });
    expect(planted.length).toBe(10);
    await wb.seed(rows);
    await renderPane(<CheckView />, wb);
    fireEvent.click(screen.getByRole('button', { name: '开始检查' }));
    const summary = await screen.findByTestId('check-summary', {}, { timeout: 10000 });
    expect(summary.getAttribute('data-rows')).toBe('400');
    expect(summary.getAttribute('data-errors')).toBe(String(planted.length));
    expect(summary.textContent).toBe(`已检查 400 行：${planted.length} 个错误，0 个警告`);

    const table = screen.getByTestId('check-problems');
    const found = within(table)
      .getAllByRole('row')
      .slice(1)
      .filter((tr) => tr.getAttribute('data-severity') === 'error')
      .map((tr) => `${tr.getAttribute('data-row')}:${tr.getAttribute('data-key')}`)
      .sort();
    expect(found).toEqual(planted.map((p) => `${p.rowIndex}:${p.key}`).sort());

    const first = planted[0];
    fireEvent.click(within(table).getByRole('button', { name: String(first.rowIndex + 2) }));
    await waitFor(() => expect(wb.snapshot().selected).toEqual({ rowIndex: first.rowIndex, key: first.key }));

    fireEvent.click(screen.getByRole('button', { name: '标出无效单元格' }));
    await waitFor(() => expect(wb.snapshot().marks).toHaveLength(planted.length));
    fireEvent.click(screen.getByRole('button', { name: '清除标记' }));
    await waitFor(() => expect(wb.snapshot().marks).toHaveLength(0));
  });

  it('reports a clean log as clean', async () => {
    const wb = new MemoryWorkbook();
    await wb.seed(sampleRows(50, { seed: 3 }).rows);
    await renderPane(<CheckView />, wb, 'en-US');
    fireEvent.click(screen.getByRole('button', { name: 'Run check' }));
    expect((await screen.findByTestId('check-summary')).textContent).toBe('Checked 50 rows: 0 errors, 0 warnings');
    expect(screen.getByText('No problems found.')).toBeTruthy();
  });
});

describe('Check view cancel', () => {
  it('stops a running check and says so', async () => {
    const wb = new MemoryWorkbook({ latencyMs: 5 });
    await wb.seed(sampleRows(12000, { seed: 5 }).rows);
    await renderPane(<CheckView />, wb);
    fireEvent.click(screen.getByRole('button', { name: '开始检查' }));
    fireEvent.click(await screen.findByRole('button', { name: '取消检查' }));
    expect(await screen.findByText('检查已取消。')).toBeTruthy();
    expect(screen.queryByTestId('check-summary')).toBeNull();
    expect(screen.queryByRole('button', { name: '取消检查' })).toBeNull();
  });
});
