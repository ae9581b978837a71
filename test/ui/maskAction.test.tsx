/** @jest-environment jsdom */
/**
 * Check → Mask personal data: the pane masks the free-text cells of the open workbook (in-memory workbook), says
 * what it found per column and kind, and Undo puts the original text back.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import CheckView from '../../src/taskpane/views/CheckView';
import { MemoryWorkbook } from '../../src/memory/MemoryWorkbook';
import { mapHeaders } from '../../src/core/schema';
import { sampleRows } from '../../src/taskpane/demo/sampleRows';
import { renderPane } from './renderPane';

describe('mask personal data from Check', () => {
  it('masks, reports counts per column and kind, and undoes', async () => {
    const wb = new MemoryWorkbook();
    const { rows } = sampleRows(30, { seed: 4 });
    await wb.seed(rows);
    const log = wb.snapshot().log!;
    const note = mapHeaders(log.headers).positions.note!;
    const customer = mapHeaders(log.headers).positions.customerId!;
    const table = wb.table('询盘统计')!;
    table.rows[2][note] = '客户电话 13812345678，邮箱 zhang@example.com';
    table.rows[5][customer] = '11010519491231002X';
    await renderPane(<CheckView />, wb);
    fireEvent.click(screen.getByRole('button', { name: '遮盖个人信息' }));
    expect(await screen.findByText('已遮盖 2 个单元格；客户ID：身份证号 1；备注：手机号 1，邮箱 1')).toBeTruthy();
    expect(wb.table('询盘统计')!.rows[2][note]).toBe('客户电话 138****5678，邮箱 z***@example.com');
    expect(wb.table('询盘统计')!.rows[5][customer]).toBe('1101**********002X');

    fireEvent.click(screen.getByRole('button', { name: '撤销遮盖' }));
    expect(await screen.findByText('已恢复 2 个单元格；0 个单元格遮盖后被改动过，保持不变')).toBeTruthy();
    expect(wb.table('询盘统计')!.rows[2][note]).toBe('客户电话 13812345678，邮箱 zhang@example.com');
    expect(wb.table('询盘统计')!.rows[5][customer]).toBe('11010519491231002X');
    await waitFor(() => expect(screen.queryByRole('button', { name: '撤销遮盖' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: '遮盖个人信息' }));
    await screen.findByText(/^已遮盖 2 个单元格/);
  });

  it('says so when there is nothing to mask', async () => {
    const wb = new MemoryWorkbook();
    await wb.seed(sampleRows(10, { seed: 2 }).rows);
    await renderPane(<CheckView />, wb);
    fireEvent.click(screen.getByRole('button', { name: '遮盖个人信息' }));
    expect(await screen.findByText('没有发现需要遮盖的个人信息')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '撤销遮盖' })).toBeNull();
  });
});
