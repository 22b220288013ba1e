import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkIdentity, checkResidentId, checkUscc, maskAddress, maskIdNumber, maskName, maskPhone, residentIdCheckChar,
  usccCheckChar,
} from './identity.js';

describe('居民身份证号码 (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('computes the check character of real-format numbers', () => {
    const cases: Array<[string, string]> = [
      ['11010519491231002', 'X'], // the classic example of GB 11643
      ['44052418800101001', '4'], // the example of the 1999 standard's annex
      ['11010120000229123', 'X'], // born on a leap day
      ['32010619900307001', '2'],
      ['65010220001231456', '4'],
    ];
    for (const [first17, check] of cases) assert.equal(residentIdCheckChar(first17), check, first17);
  });

  it('accepts valid numbers (upper or lower case X)', () => {
    for (const id of ['11010519491231002X', '11010519491231002x', '440524188001010014', '110101200002291232'.slice(0, 17) + 'X',
      '320106199003070012', '650102200012314564', ' 11010519491231002X ']) {
      assert.deepEqual(checkResidentId(id), { ok: true }, id);
    }
  });

  it('rejects wrong numbers with the reason', () => {
    const cases: Array<[string, RegExp]> = [
      ['110105194912310021', /校验码错误：第18位应为“X”，实际为“1”/],
      ['11010519491231002', /应为18位，实际为17位/],
      ['1101051949123100X2', /前17位应为数字/],
      ['99010519491231002X', /地址码“990105”不是有效的行政区划代码/],
      ['11000019491231002X', /应为县级行政区划代码/],
      ['110105194902300020', /出生日期“19490230”不是有效日期/],
      ['110101190002291230', /出生日期“19000229”不是有效日期/], // 1900 is not a leap year
      ['110105194913310020', /不是有效日期/],
    ];
    for (const [id, reason] of cases) {
      const r = checkResidentId(id);
      assert.equal(r.ok, false, id);
      if (!r.ok) assert.match(r.reason, reason, id);
    }
  });

  it('rejects a birth date after the injected today', () => {
    const first17 = '11010520300101001';
    const id = first17 + residentIdCheckChar(first17);
    assert.deepEqual(checkResidentId(id), { ok: true });
    const r = checkResidentId(id, { today: '2025-09-26' });
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.reason, /出生日期 2030-01-01 晚于当前日期/);
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('computes the check character of published codes', () => {
    const cases: Array<[string, string]> = [
      ['91440300192203821', '6'], // 华为技术有限公司
      ['9144030071526726X', 'G'], // 深圳市腾讯计算机系统有限公司
      ['91110000600037341', 'L'],
      ['91350100M000100Y4', '3'], // the textbook example
      ['12100000400000624', 'D'],
    ];
    for (const [first17, check] of cases) assert.equal(usccCheckChar(first17), check, first17);
  });

  it('accepts valid codes, lower case too', () => {
    for (const code of ['914403001922038216', '9144030071526726XG', '91350100M000100Y43', '91350100m000100y43', '12100000400000624D']) {
      assert.deepEqual(checkUscc(code), { ok: true }, code);
    }
  });

  it('rejects wrong codes with the reason', () => {
    const cases: Array<[string, RegExp]> = [
      ['914403001922038217', /校验码错误：第18位应为“6”，实际为“7”/],
      ['91350100M000100Y4', /应为18位，实际为17位/],
      ['91350100M0001O0Y43', /第14位“O”不是有效字符/],
      ['91350100M000100S43', /第16位“S”不是有效字符/],
      ['B1350100M000100Y43', /第1位登记管理部门代码“B”无效/],
      ['90350100M000100Y43', /第2位机构类别代码“0”无效/],
      ['9135A100M000100Y43', /第3至8位应为登记管理机关行政区划码/],
    ];
    for (const [code, reason] of cases) {
      const r = checkUscc(code);
      assert.equal(r.ok, false, code);
      if (!r.ok) assert.match(r.reason, reason, code);
    }
  });

  it('checkIdentity dispatches by kind', () => {
    assert.deepEqual(checkIdentity('resident-id', '11010519491231002X'), { ok: true });
    assert.equal(checkIdentity('uscc', '11010519491231002X').ok, false);
    assert.deepEqual(checkIdentity('other', 'E12345678'), { ok: true });
    assert.equal(checkIdentity('other', '  ').ok, false);
  });
});

describe('masking personal data', () => {
  it('masks identity numbers keeping length, first two and last two', () => {
    assert.equal(maskIdNumber('11010519491231002X'), '11**************2X');
    assert.equal(maskIdNumber('914403001922038216'), '91**************16');
    assert.equal(maskIdNumber('E123'), '****');
    assert.equal(maskIdNumber(null), '');
  });

  it('masks names after the first character', () => {
    const cases: Array<[string, string]> = [
      ['张三', '张*'], ['王小明', '王**'], ['欧阳娜娜', '欧***'], ['买买提·吐尔逊', '买**·***'], ['李', '*'],
      ['John Smith', 'J*** *****'], ['', ''],
    ];
    for (const [name, masked] of cases) assert.equal(maskName(name), masked, name);
  });

  it('masks phone numbers keeping punctuation', () => {
    const cases: Array<[string, string]> = [
      ['13812345678', '138****5678'],
      ['138-1234-5678', '138-****-5678'],
      ['+86 13812345678', '+86 138****5678'],
      ['0631-5231234', '063*-***1234'],
      ['5231234', '*****34'],
    ];
    for (const [phone, masked] of cases) assert.equal(maskPhone(phone), masked, phone);
  });

  it('masks addresses down to the county-level prefix', () => {
    const cases: Array<[string, string]> = [
      ['山东省威海市环翠区青岛北路1号', '山东省威海市环翠区****'],
      ['北京市朝阳区建国路88号', '北京市朝阳区****'],
      ['上海市浦东新区世纪大道100号', '上海市浦东新区****'],
      ['内蒙古自治区呼和浩特市新城区新华大街1号', '内蒙古自治区呼和浩特市新城区****'],
      ['湖北省恩施土家族苗族自治州恩施市舞阳大街', '湖北省恩施土家族苗族自治州恩施市****'],
      ['江苏省苏州市昆山市前进中路1号', '江苏省苏州市昆山市****'],
      ['青岛北路1号', '****'],
      ['市场路5号', '****'],
      ['北京市海淀区', '北京市海淀区'],
    ];
    for (const [address, masked] of cases) assert.equal(maskAddress(address), masked, address);
  });
});
