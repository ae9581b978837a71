import { isoToSerial } from '../../../src/core/dates';
import { defaultListValues, type InputKey } from '../../../src/core/schema';
import { requiredFields, validate, type Issue, type RawEntry, type ValidationContext } from '../../../src/core/validation';

const ctx: ValidationContext = { today: '2026-11-24', lists: defaultListValues() };

/** A complete, valid 是 entry as a 客服 would type it. */
const deal = (over: RawEntry = {}): RawEntry => ({
  date: '2026-11-24', agent: '客服1', customerId: 'tb_lily88', customerType: '零售客户', newOrReturning: '新客',
  channel: '旺旺/千牛', region: '浙江', product: '示例商品A', quantity: 2, amount: 199, deal: '是', dealType: '零售',
  noDealReason: '', followUp: '', nextFollowUp: '', note: '', ...over,
});

/** A complete, valid 否 entry. */
const noDeal = (over: RawEntry = {}): RawEntry => ({
  ...deal(), quantity: '', amount: '', deal: '否', dealType: '', noDealReason: '价格高', followUp: '已跟进', ...over,
});

const codes = (issues: Issue[], severity: 'error' | 'warning' = 'error') =>
  issues.filter((i) => i.severity === severity).map((i) => `${i.field}:${i.code}`);

describe('validate: valid entries', () => {
  it('accepts a complete deal and returns the canonical row', () => {
    const r = validate(deal(), ctx);
    expect(r.ok).toBe(true);
    expect(r.issues).toEqual([]);
    expect(r.entry).toEqual({
      date: '2026-11-24', agent: '客服1', customerId: 'tb_lily88', customerType: '零售客户', newOrReturning: '新客',
      channel: '旺旺/千牛', region: '浙江', product: '示例商品A', quantity: 2, amount: 199, deal: '是', dealType: '零售',
      noDealReason: null, followUp: null, nextFollowUp: null, note: null,
    });
  });

  it('accepts a complete no-deal entry', () => {
    const r = validate(noDeal(), ctx);
    expect(r.ok).toBe(true);
    expect(r.entry).toMatchObject({ deal: '否', amount: null, dealType: null, noDealReason: '价格高', followUp: '已跟进' });
  });

  it('normalises what people type: full-width digits, ¥ amounts, Chinese dates, English labels, Yes', () => {
    const r = validate(
      deal({
        date: '2026年11月3日', customerId: '\u3000ＴＢ１２３ ', customerType: 'Wholesaler', newOrReturning: 'returning',
        channel: 'WeChat', region: 'Guangdong', quantity: '１２', amount: '￥１，２８０．５０', deal: 'Yes', dealType: 'Wholesale',
      }),
      ctx,
    );
    expect(r.ok).toBe(true);
    expect(r.entry).toMatchObject({
      date: '2026-11-03', customerId: 'TB123', customerType: '批发商', newOrReturning: '老客', channel: '微信', region: '广东',
      quantity: 12, amount: 1280.5, deal: '是', dealType: '批发',
    });
  });

  it('returns plain data: own fields in column order, unchanged by a JSON round trip', () => {
    const r = validate(deal({ product: '新品' }), ctx);
    expect(Object.keys(r)).toEqual(['ok', 'entry', 'issues']);
    expect(Object.keys(r.entry!)).toEqual([
      'date', 'agent', 'customerId', 'customerType', 'newOrReturning', 'channel', 'region', 'product', 'quantity', 'amount',
      'deal', 'dealType', 'noDealReason', 'followUp', 'nextFollowUp', 'note',
    ]);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(Object.keys(r.issues[0])).toEqual(['field', 'severity', 'code', 'message']);
    expect(Object.keys(r.issues[0].message)).toEqual(['zh-CN', 'en-US']);
  });

  it('accepts "¥1,280.50" and an Excel date serial from a sheet', () => {
    const r = validate(deal({ date: isoToSerial('2026-10-01'), amount: '¥1,280.50' }), ctx);
    expect(r.entry?.amount).toBe(1280.5);
    expect(r.entry?.date).toBe('2026-10-01');
  });

  it('keeps formula-looking text verbatim in customer ID and note (it is data)', () => {
    for (const text of ['=1+1', '+86-abc', '-x', '@SUM(A1)', '=HYPERLINK("http://x")']) {
      const r = validate(deal({ customerId: text, note: text }), ctx);
      expect(r.ok).toBe(true);
      expect(r.entry?.customerId).toBe(text);
      expect(r.entry?.note).toBe(text);
    }
  });

  it('accepts 是否成交 as TRUE/FALSE booleans and 1/0', () => {
    expect(validate(deal({ deal: true }), ctx).entry?.deal).toBe('是');
    expect(validate(deal({ deal: 1 }), ctx).entry?.deal).toBe('是');
    expect(validate(noDeal({ deal: false }), ctx).entry?.deal).toBe('否');
    expect(validate(noDeal({ deal: 'N' }), ctx).entry?.deal).toBe('否');
  });
});

describe('validate: required fields', () => {
  it('reports every always-required field of an empty entry, with bilingual messages', () => {
    const r = validate({}, ctx);
    expect(r.ok).toBe(false);
    expect(r.entry).toBeNull();
    expect(codes(r.issues)).toEqual([
      'date:required', 'agent:required', 'customerId:required', 'customerType:required', 'newOrReturning:required',
      'channel:required', 'region:required', 'product:required', 'deal:required',
    ]);
    const date = r.issues.find((i) => i.field === 'date')!;
    expect(date.message).toEqual({ 'zh-CN': '「日期」必填', 'en-US': 'Date is required' });
    const customer = r.issues.find((i) => i.field === 'customerId')!;
    expect(customer.message).toEqual({ 'zh-CN': '「客户ID」必填', 'en-US': 'Customer ID is required' });
  });

  it('a missing date is required (the default date is the form’s job)', () => {
    expect(codes(validate(deal({ date: '' }), ctx).issues)).toEqual(['date:required']);
  });
});

describe('validate: field errors', () => {
  it.each<[RawEntry, string]>([
    [{ date: '2026-02-30' }, 'date:impossibleDate'],
    [{ date: '2026-11-25' }, 'date:futureDate'],
    [{ date: isoToSerial('2026-12-01') }, 'date:futureDate'],
    [{ date: '下周' }, 'date:invalidDate'],
    [{ quantity: -2 }, 'quantity:negative'],
    [{ quantity: '1.5' }, 'quantity:notWholeNumber'],
    [{ quantity: '两个' }, 'quantity:notNumber'],
    [{ amount: '两百' }, 'amount:notNumber'],
    [{ amount: '-10' }, 'amount:negative'],
    [{ amount: '10.005' }, 'amount:tooManyDecimals'],
    [{ region: '火星' }, 'region:notInList'],
    [{ channel: '抖音' }, 'channel:notInList'],
    [{ customerId: 'x'.repeat(65) }, 'customerId:tooLong'],
    [{ note: 'n'.repeat(256) }, 'note:tooLong'],
    [{ customerId: 'tb\u0000123' }, 'customerId:controlChar'],
    [{ note: '第一行\n第二行' }, 'note:controlChar'],
    [{ note: 'bell\u0007' }, 'note:controlChar'],
    [{ note: 'c1\u0085' }, 'note:controlChar'],
    [{ region: '#N/A' }, 'region:cellError'],
    [{ customerId: '#REF!' }, 'customerId:cellError'],
    [{ deal: '也许' }, 'deal:notInList'],
  ])('%j → %s', (over, expected) => {
    const r = validate(deal(over), ctx);
    expect(r.ok).toBe(false);
    expect(codes(r.issues)).toEqual([expected]);
  });

  it('accepts exactly 64 characters of customer ID and 255 of note', () => {
    expect(validate(deal({ customerId: 'c'.repeat(64), note: 'n'.repeat(255) }), ctx).ok).toBe(true);
  });

  it('today is allowed, tomorrow is not', () => {
    expect(validate(deal({ date: '2026-11-24' }), ctx).ok).toBe(true);
    const r = validate(deal({ date: '2026-11-25' }), ctx);
    expect(r.issues[0].message).toEqual({ 'zh-CN': '「日期」不能晚于今天（2026-11-24）', 'en-US': 'Date cannot be after today (2026-11-24)' });
  });

  it('names the offending value and the limits in messages', () => {
    const region = validate(deal({ region: '火星' }), ctx).issues[0];
    expect(region.message['zh-CN']).toBe('「地区」的值“火星”不在列表中，请从下拉列表中选择');
    expect(region.message['en-US']).toBe('Region: “火星” is not in the list; choose a value from the dropdown');
    const long = validate(deal({ note: 'n'.repeat(300) }), ctx).issues[0];
    expect(long.message['zh-CN']).toBe('「备注」最多 255 个字符（现有 300 个）');
    expect(long.message['en-US']).toBe('Note allows at most 255 characters (it has 300)');
    const decimals = validate(deal({ amount: 1.234 }), ctx).issues[0];
    expect(decimals.message).toEqual({ 'zh-CN': '「成交金额」最多保留两位小数', 'en-US': 'Amount (CNY) allows at most 2 decimal places' });
  });

  it('cuts a long offending value short in the message', () => {
    const pasted = '地区'.repeat(50);
    const r = validate(deal({ region: pasted }), ctx);
    expect(r.issues[0].message['zh-CN']).toBe(`「地区」的值“${pasted.slice(0, 40)}…”不在列表中，请从下拉列表中选择`);
  });

  it('reports one error per field (the first)', () => {
    const r = validate(deal({ noDealReason: '火星' }), ctx);
    expect(codes(r.issues)).toEqual(['noDealReason:notInList']);
  });
});

describe('validate: cross-field rules (是)', () => {
  it.each<[RawEntry, string]>([
    [{ quantity: '' }, 'quantity:dealNeedsQuantity'],
    [{ quantity: 0 }, 'quantity:dealNeedsQuantity'],
    [{ amount: '' }, 'amount:dealNeedsAmount'],
    [{ amount: 0 }, 'amount:dealNeedsAmount'],
    [{ amount: '¥0.00' }, 'amount:dealNeedsAmount'],
    [{ dealType: '' }, 'dealType:dealNeedsType'],
    [{ noDealReason: '价格高' }, 'noDealReason:dealForbidsReason'],
  ])('%j → %s', (over, expected) => {
    expect(codes(validate(deal(over), ctx).issues)).toEqual([expected]);
  });

  it('explains each rule in both languages with the column header', () => {
    const type = validate(deal({ dealType: '' }), ctx).issues[0];
    expect(type.message).toEqual({ 'zh-CN': '「交易类型」必填：成交时请选择交易类型', 'en-US': 'Deal type is required when Deal is Yes' });
    const qty = validate(deal({ quantity: 0 }), ctx).issues[0];
    expect(qty.message).toEqual({ 'zh-CN': '「数量」成交时必须大于 0', 'en-US': 'Quantity must be greater than 0 when Deal is Yes' });
    const reason = validate(deal({ noDealReason: '比价中' }), ctx).issues[0];
    expect(reason.message['en-US']).toBe('No-deal reason must be empty when Deal is Yes');
  });

  it('a deal may carry a follow-up status', () => {
    expect(validate(deal({ followUp: '已转化' }), ctx).ok).toBe(true);
  });
});

describe('validate: cross-field rules (否)', () => {
  it.each<[RawEntry, string]>([
    [{ noDealReason: '' }, 'noDealReason:noDealNeedsReason'],
    [{ followUp: '' }, 'followUp:noDealNeedsFollowUp'],
    [{ amount: 50 }, 'amount:noDealForbidsAmount'],
    [{ dealType: '零售' }, 'dealType:noDealForbidsType'],
  ])('%j → %s', (over, expected) => {
    expect(codes(validate(noDeal(over), ctx).issues)).toEqual([expected]);
  });

  it('allows an amount of 0 or empty, and any quantity', () => {
    expect(validate(noDeal({ amount: 0 }), ctx).ok).toBe(true);
    expect(validate(noDeal({ amount: '' }), ctx).ok).toBe(true);
    expect(validate(noDeal({ quantity: 30 }), ctx).ok).toBe(true);
  });

  it('gives the no-deal reason message from the design', () => {
    const r = validate(noDeal({ noDealReason: '' }), ctx);
    expect(r.issues[0].message).toEqual({
      'zh-CN': '「未成交原因」必填：未成交时请选择原因',
      'en-US': 'No-deal reason is required when Deal is No',
    });
  });

  it('reports every broken rule at once', () => {
    const r = validate(noDeal({ amount: 10, dealType: '批发', noDealReason: '', followUp: '' }), ctx);
    expect(codes(r.issues).sort()).toEqual(
      ['amount:noDealForbidsAmount', 'dealType:noDealForbidsType', 'followUp:noDealNeedsFollowUp', 'noDealReason:noDealNeedsReason'].sort(),
    );
  });
});

describe('validate: follow-up dates', () => {
  it('待跟进 requires a next follow-up date', () => {
    const r = validate(noDeal({ followUp: '待跟进' }), ctx);
    expect(codes(r.issues)).toEqual(['nextFollowUp:pendingNeedsNextDate']);
    expect(r.issues[0].message['zh-CN']).toBe('「下次跟进」必填：跟进情况为“待跟进”时请填写下次跟进日期');
  });

  it('accepts a next follow-up on or after the date, also in the future', () => {
    expect(validate(noDeal({ followUp: '待跟进', nextFollowUp: '2026-11-24' }), ctx).ok).toBe(true);
    expect(validate(noDeal({ followUp: 'To follow up', nextFollowUp: '12/05' }), ctx).entry?.nextFollowUp).toBe('2026-12-05');
  });

  it('rejects a next follow-up before the date, naming both columns', () => {
    const r = validate(noDeal({ date: '2026-11-20', followUp: '待跟进', nextFollowUp: '2026-11-19' }), ctx);
    expect(codes(r.issues)).toEqual(['nextFollowUp:nextBeforeDate']);
    expect(r.issues[0].message).toEqual({ 'zh-CN': '「下次跟进」不能早于「日期」', 'en-US': 'Next follow-up cannot be before Date' });
  });

  it('other follow-up states do not need a date', () => {
    expect(validate(noDeal({ followUp: '已流失' }), ctx).ok).toBe(true);
  });
});

describe('validate: warnings', () => {
  it('a product outside the list is a warning, kept as typed', () => {
    const r = validate(deal({ product: ' 新款T恤 ' }), ctx);
    expect(r.ok).toBe(true);
    expect(r.entry?.product).toBe('新款T恤');
    expect(codes(r.issues, 'warning')).toEqual(['product:productNotInList']);
    expect(r.issues[0].message['zh-CN']).toBe('「商品」“新款T恤”不在商品列表中（可以保存；如是新商品，请加到字典里）');
  });

  it('an agent outside the list (a new 客服) is a warning, kept as typed, and the row is valid', () => {
    const r = validate(deal({ agent: ' 阿杰 ' }), ctx);
    expect(r.ok).toBe(true);
    expect(r.entry?.agent).toBe('阿杰');
    expect(codes(r.issues)).toEqual([]);
    expect(codes(r.issues, 'warning')).toEqual(['agent:agentNotInList']);
    expect(r.issues[0].message['zh-CN']).toBe('「客服」“阿杰”不在客服列表中（可以保存；如是新客服，请加到字典里）');
    expect(r.issues[0].message['en-US']).toBe('Agent “阿杰” is not in the agent list (it can be saved; add it to the dictionary if it is new)');
  });

  it('an agent cell holding an error value or a line break is still an error', () => {
    expect(codes(validate(deal({ agent: '#N/A' }), ctx).issues)).toEqual(['agent:cellError']);
    expect(codes(validate(deal({ agent: '阿\n杰' }), ctx).issues)).toEqual(['agent:controlChar']);
  });

  it('matches a product of the list by its English label', () => {
    const r = validate(deal({ product: 'sample product a' }), ctx);
    expect(r.entry?.product).toBe('示例商品A');
    expect(r.issues).toEqual([]);
  });

  it('personal data in note or customer ID is a warning', () => {
    const r = validate(deal({ note: '客户手机 138 1234 5678', customerId: 'zhang@example.com' }), ctx);
    expect(r.ok).toBe(true);
    expect(codes(r.issues, 'warning')).toEqual(['customerId:personalData', 'note:personalData']);
    expect(r.issues[1].message['en-US']).toBe('Note seems to contain personal data (mobile or phone number, ID-card number, email or street address); remove or mask it');
  });

  it('full-width phone digits are still found', () => {
    expect(codes(validate(deal({ note: '电话１３８１２３４５６７８' }), ctx).issues, 'warning')).toEqual(['note:personalData']);
  });

  it('warnings do not hide errors', () => {
    const r = validate(deal({ product: '新品', amount: '' }), ctx);
    expect(r.ok).toBe(false);
    expect(codes(r.issues)).toEqual(['amount:dealNeedsAmount']);
    expect(codes(r.issues, 'warning')).toEqual(['product:productNotInList']);
  });
});

describe('requiredFields', () => {
  const base = ['date', 'agent', 'customerId', 'customerType', 'newOrReturning', 'channel', 'region', 'product', 'deal'];
  const sorted = (s: ReadonlySet<InputKey>) => [...s].sort();

  it('without a deal value: the always-required fields', () => {
    expect(sorted(requiredFields({}))).toEqual([...base].sort());
  });
  it('是 adds quantity, amount and deal type', () => {
    expect(sorted(requiredFields({ deal: '是' }))).toEqual([...base, 'quantity', 'amount', 'dealType'].sort());
    expect(sorted(requiredFields({ deal: 'Yes' }))).toEqual([...base, 'quantity', 'amount', 'dealType'].sort());
  });
  it('否 adds reason and follow-up; 待跟进 adds the next date', () => {
    expect(sorted(requiredFields({ deal: '否' }))).toEqual([...base, 'noDealReason', 'followUp'].sort());
    expect(sorted(requiredFields({ deal: false, followUp: '待跟进' }))).toEqual([...base, 'noDealReason', 'followUp', 'nextFollowUp'].sort());
  });
  it('agrees with validate: a field it does not list is never reported as missing', () => {
    const raw = noDeal({ followUp: '待跟进', nextFollowUp: '' });
    const required = requiredFields(raw);
    for (const i of validate(raw, ctx).issues) expect(required.has(i.field as InputKey)).toBe(true);
  });
});
