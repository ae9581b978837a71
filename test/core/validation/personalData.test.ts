import { detectPersonalData, isValidIdCardChecksum, maskPersonalData } from '../../../src/core/validation';

const kinds = (text: string) => detectPersonalData(text).map((m) => `${m.kind}:${m.text}`);

describe('detectPersonalData', () => {
  it.each([
    ['13812345678', 'mobile:13812345678'],
    ['手机:138 1234 5678', 'mobile:138 1234 5678'],
    ['手机 138-1234-5678 请回电', 'mobile:138-1234-5678'],
    ['+86 13912345678', 'mobile:+86 13912345678'],
    ['+86-139-1234-5678', 'mobile:+86-139-1234-5678'],
    ['8615912345678', 'mobile:8615912345678'],
    ['tb15912345678', 'mobile:15912345678'],
    ['座机 010-62345678', 'landline:010-62345678'],
    ['(0571)87654321', 'landline:(0571)87654321'],
    ['0755 2345 6789', 'landline:0755 2345 6789'],
    ['邮箱 zhang.san@example.com 联系', 'email:zhang.san@example.com'],
    ['身份证11010519491231002X', 'idCard:11010519491231002X'],
    ['id 11010519491231002x', 'idCard:11010519491231002x'],
    ['地址：文三路90号', 'address:文三路90号'],
    ['送到杭州市西湖区文三路 90 号 3 栋 502 室', 'address:杭州市西湖区文三路 90 号 3 栋 502 室'],
    ['长安街1-3号', 'address:长安街1-3号'],
  ])('%j → %s', (text, expected) => {
    expect(kinds(text)).toEqual([expected]);
  });

  it('finds several kinds in one text, in order, with offsets', () => {
    const text = '电话 13812345678，邮箱 a@b.cn';
    const found = detectPersonalData(text);
    expect(found.map((m) => m.kind)).toEqual(['mobile', 'email']);
    expect(text.slice(found[0].start, found[0].end)).toBe('13812345678');
    expect(text.slice(found[1].start, found[1].end)).toBe('a@b.cn');
  });

  it.each([
    ['', 'empty'],
    ['客户要求开发票', 'no digits'],
    ['订单号 2026112412345678901', 'a 19-digit order number'],
    ['12812345678', 'an 11-digit number not starting 13–19'],
    ['1381234567', 'a 10-digit number'],
    ['138123456789', 'a 12-digit number'],
    ['11010519491231002Y', 'an ID-like number with a bad check digit'],
    ['110105194912310021', 'an 18-digit number failing the checksum'],
    ['数量 1200 件，单价 59.9', 'quantities and prices'],
    ['2026-11-24 到货', 'a date'],
    ['3号发货', 'a day of the month'],
    ['文三路店', 'a road name without a number'],
  ])('%j: nothing (%s)', (text) => {
    expect(detectPersonalData(text)).toEqual([]);
  });
});

describe('isValidIdCardChecksum', () => {
  it('checks the GB 11643 check digit', () => {
    expect(isValidIdCardChecksum('11010519491231002X')).toBe(true);
    expect(isValidIdCardChecksum('11010519491231002x')).toBe(true);
    expect(isValidIdCardChecksum('110105194912310020')).toBe(false);
    expect(isValidIdCardChecksum('1101051949123100')).toBe(false);
  });
});

describe('maskPersonalData', () => {
  it.each([
    ['手机 13812345678', '手机 138****5678'],
    ['+86 138-1234-5678 回电', '138****5678 回电'],
    ['座机 0571-87654321', '座机 0571-****4321'],
    ['身份证 11010519491231002X', '身份证 1101**********002X'],
    ['mail zhang.san@example.com', 'mail z***@example.com'],
    ['寄到文三路90号3栋502室', '寄到文三路**号*栋***室'],
    ['没有个人信息', '没有个人信息'],
  ])('%j → %j', (text, expected) => {
    expect(maskPersonalData(text)).toBe(expected);
  });

  it('masks every match and leaves the text around them', () => {
    expect(maskPersonalData('A 13812345678 B 13987654321 C')).toBe('A 138****5678 B 139****4321 C');
  });

  it('leaves nothing detectable behind', () => {
    const text = '电话13812345678 邮箱li@qq.com 身份证11010519491231002X 座机010-62345678 地址中山路8号';
    expect(detectPersonalData(maskPersonalData(text))).toEqual([]);
  });
});
