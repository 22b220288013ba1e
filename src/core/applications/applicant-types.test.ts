import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../errors.js';
import { cellDef, getFormat } from '../format/registry.js';
import { APPLICANT_TYPES, applicantColumn, isApplicantType, parseApplicantType } from './applicant-types.js';

describe('applicant types = table 三 columns', () => {
  it('lists the six applicant columns in table order with their keys', () => {
    assert.deepEqual(
      APPLICANT_TYPES.map((t) => [t.type, t.column]),
      [['自然人', 'natural'], ['商业企业', 'commercial'], ['科研机构', 'research'], ['社会公益组织', 'welfare'],
        ['法律服务机构', 'legal'], ['其他', 'other']],
    );
    assert.deepEqual(APPLICANT_TYPES[1]!.path, ['法人或其他组织', '商业企业']);
    assert.deepEqual(APPLICANT_TYPES.filter((t) => t.natural).map((t) => t.type), ['自然人']);
  });

  it('maps each type to a real cell of both formats', () => {
    for (const formatId of ['2019', '2021']) {
      for (const t of APPLICANT_TYPES) {
        const cell = cellDef(getFormat(formatId), `三:received:${applicantColumn(t.type)}`);
        assert.ok(cell, `${formatId} ${t.type}`);
        assert.deepEqual(cell.columnPath, t.path);
      }
    }
  });

  it('accepts labels and column keys', () => {
    assert.equal(applicantColumn('自然人'), 'natural');
    assert.equal(applicantColumn(' 法律服务机构 '), 'legal');
    assert.equal(parseApplicantType('welfare').type, '社会公益组织');
    assert.equal(isApplicantType('科研机构'), true);
    assert.equal(isApplicantType('research'), false);
  });

  it('rejects unknown types with a ValidationError naming the allowed ones', () => {
    for (const bad of ['法人或其他组织', '企业', '总计', 'total', '', null, 3]) {
      assert.throws(() => applicantColumn(bad), (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.match(e.message, /^未知的申请人类型“.*”，应为：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他$/);
        assert.deepEqual(e.details.place, { field: 'applicantType' });
        return true;
      }, String(bad));
    }
  });
});
