import { OfficeWorkbook } from '../../src/excel/OfficeWorkbook';
import type { LogEntry } from '../../src/core/schema';
import { FakeExcel } from './fakeExcel';

export function setup(options: { supported?: (set: string, version: string) => boolean; timeoutMs?: number } = {}): { fx: FakeExcel; wb: OfficeWorkbook } {
  const fx = new FakeExcel();
  fx.addSheet('Sheet1');
  const wb = new OfficeWorkbook({ run: fx.run, isSetSupported: options.supported ?? (() => true), timeoutMs: options.timeoutMs });
  return { fx, wb };
}

export const entry = (over: Partial<LogEntry> = {}): LogEntry => ({
  date: '2026-05-04', agent: '客服1', customerId: 'tb_001', customerType: '零售客户', newOrReturning: '新客', channel: '微信',
  region: '浙江', product: '示例商品A', quantity: 2, amount: 128.5, deal: '是', dealType: '零售', noDealReason: null,
  followUp: null, nextFollowUp: null, note: null, ...over,
});
