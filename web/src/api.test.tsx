import { describe, expect, it } from 'vitest';
import { detailOf, reportIdOf } from './api.js';
import { parseRoute, routeHref } from './router.js';
import { demoDocument } from './test-fixtures.js';

const summary = {
  id: 1, agencyId: 2, agencyName: '威海市环翠区行政审批服务局', year: 2019, format: '2019' as const, status: 'published' as const,
  version: 1, issuedOn: '2020-01-18', createdAt: '2020-01-18T00:00:00.000Z', updatedAt: '2020-01-18T00:00:00.000Z',
  publishedAt: '2020-01-18T00:00:00.000Z',
};

describe('detailOf', () => {
  it('splits the server’s flat answer (summary fields beside document)', () => {
    const document = demoDocument();
    const detail = detailOf({ ...summary, document });
    expect(detail.report).toEqual(summary);
    expect(detail.document.cells).toHaveLength(198);
  });

  it('accepts the { report, document } wrapping too', () => {
    const document = demoDocument();
    expect(detailOf({ report: summary, document }).report.id).toBe(1);
  });

  it('finds the id of a created or imported report', () => {
    expect(reportIdOf({ ...summary, id: 7 })).toBe(7);
    expect(reportIdOf({ report: { id: 8 } })).toBe(8);
    expect(reportIdOf(null)).toBeNull();
  });
});

describe('routes', () => {
  it('reads and writes the hash routes', () => {
    expect(parseRoute('#/reports/12')).toEqual({ name: 'report', id: 12 });
    expect(parseRoute('#/agencies')).toEqual({ name: 'agencies' });
    expect(parseRoute('')).toEqual({ name: 'reports' });
    expect(parseRoute('#/nonsense')).toEqual({ name: 'reports' });
    expect(routeHref({ name: 'report', id: 3 })).toBe('#/reports/3');
    expect(parseRoute('#/users')).toEqual({ name: 'users' });
    expect(parseRoute('#/security-log')).toEqual({ name: 'security-log' });
    expect(parseRoute('#/password')).toEqual({ name: 'password' });
    expect(routeHref({ name: 'security-log' })).toBe('#/security-log');
  });
});
