/**
 * Helpers of the saved-audit tests: multipart bodies with many files, polling a batch until it is read, and the
 * report files of one agency over three years (2021 with 上年结转 that does not match 2020's 结转下年度).
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { renderHtml } from '../../src/render/html/render-html.js';
import { garbage, loadDoc, SEED_TEXT } from './audit-fixtures.js';

const BOUNDARY = '----gongkai-audit-boundary';

/** The content type of bodies made by multipart(). */
export const MULTIPART = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

/** A multipart/form-data body with file fields `file` and text fields. */
export function multipart(files: ReadonlyArray<{ name: string; body: Buffer }>, fields: Record<string, string> = {}): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.body, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

/** Polls GET /api/audits/:id until the batch is no longer reading (at most `ms`). */
export async function waitForBatch(app: FastifyInstance, id: number, headers: Record<string, string> = {}, ms = 120_000): Promise<any> {
  const until = Date.now() + ms;
  for (;;) {
    const response = await app.inject({ method: 'GET', url: `/api/audits/${id}`, headers });
    if (response.statusCode !== 200) throw new Error(`GET /api/audits/${id}: ${response.statusCode} ${response.body}`);
    const body = JSON.parse(response.body);
    if (body.batch.state !== 'reading') return body;
    if (Date.now() > until) throw new Error(`batch ${id} still reading: ${response.body}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The seed (2019, text), 2020 (HTML) and 2021 (HTML, 上年结转 raised by 2 so it differs from 2020's 结转下年度), and a broken file. */
export function threeYears(): Array<{ name: string; body: Buffer }> {
  const y2021 = loadDoc('test/fixtures/full-2021.json');
  for (const key of ['三:carried-in:natural', '三:carried-in:total']) y2021.cells[key] = (y2021.cells[key] as number) + 2;
  return [
    { name: '环翠区2019年报告.txt', body: readFileSync(SEED_TEXT) },
    { name: '环翠区2020年报告.html', body: Buffer.from(renderHtml(loadDoc('test/fixtures/full-2020.json'))) },
    { name: '环翠区2021年报告.html', body: Buffer.from(renderHtml(y2021)) },
    { name: '损坏的文件.docx', body: Buffer.concat([Buffer.from('PK\x03\x04'), garbage(2000)]) },
  ];
}
