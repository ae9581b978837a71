import { validation } from '../../../src/core/i18n/validation';
import { header, INPUT_KEYS } from '../../../src/core/schema';
import { message, type IssueCode } from '../../../src/core/validation';

const codes = Object.keys(validation) as IssueCode[];
const params = { today: '2026-11-24', value: 'X', max: 64, length: 70, date: '2026-11-20', product: 'P', unitPrice: '1.00', limit: '2.00' };

describe('validation messages', () => {
  it('has a zh-CN and an en-US text for every code', () => {
    expect(codes.length).toBeGreaterThanOrEqual(27);
    for (const code of codes) {
      expect(validation[code]['zh-CN'].trim()).not.toBe('');
      expect(validation[code]['en-US'].trim()).not.toBe('');
      // Chinese text in the zh message, none in the en message (headers come from the schema).
      expect(validation[code]['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(validation[code]['en-US']).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names the column by its header in each language and leaves no placeholder unfilled', () => {
    for (const code of codes) {
      for (const field of INPUT_KEYS) {
        const text = message(code, field, params, 'date');
        expect(text['zh-CN']).toContain(header(field, 'zh-CN'));
        expect(text['en-US']).toContain(header(field, 'en-US'));
        expect(text['zh-CN']).not.toMatch(/\{\w+\}/);
        expect(text['en-US']).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('shares one frozen text for messages without values', () => {
    const a = message('required', 'agent');
    expect(message('required', 'agent')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(message('required', 'region')).not.toBe(a);
  });

  it('fills values per issue', () => {
    expect(message('notInList', 'channel', { value: '抖音' })).toEqual({
      'zh-CN': '「询盘渠道」的值“抖音”不在列表中，请从下拉列表中选择',
      'en-US': 'Channel: “抖音” is not in the list; choose a value from the dropdown',
    });
  });
});
