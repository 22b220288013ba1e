/**
 * Applicants' personal data encrypted at rest, on SQLite and PostgreSQL: what the table really holds after an
 * application arrives through the API and the public form, reading back through the API, lookups by identity
 * number through the blind index, tampering detected, the startup encryption of rows written before 0011 and the
 * key check that refuses a wrong key.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Migrator, type Kysely } from 'kysely';
import { checkPiiKey, encryptPlaintextApplicants, preparePiiStorage } from '../../src/applications/applicant-encryption.js';
import { applicationService } from '../../src/applications/application.service.js';
import { calendarService } from '../../src/calendar/calendar.service.js';
import { ConfigError } from '../../src/config.js';
import { steppingClock } from '../../src/core/clock.js';
import type { Db } from '../../src/db/database.js';
import { MIGRATIONS, migrate } from '../../src/db/migrations.js';
import type { Database } from '../../src/db/schema.js';
import { createSm4PiiCipher, PiiCipherError } from '../../src/security/pii-cipher.js';
import { forEachDialect } from '../db-helpers.js';
import { testPii } from '../pii-helpers.js';
import { caseTestApp, json, sendJson } from './http-helpers.js';

const PERSON_ID = '11010519491231002X';
const OTHER_ID = '371002198506123010';
const PHONE = '13812345678';
const ADDRESS = '山东省威海市环翠区青岛北路1号';
const EMAIL = 'zhang@example.cn';
const NAME = '张三丰';

/** The raw applicant rows, as the database holds them. */
const rawRows = (db: Kysely<Database>) => db.selectFrom('applicant_details').selectAll().orderBy('application_id').execute();

forEachDialect('applicant data encrypted at rest', (ctx) => {
  let app: FastifyInstance;
  let db: Db;
  let agencyId: number;

  before(async () => {
    ({ app, db, agencyId } = await caseTestApp(ctx, { now: '2025-11-18T02:00:00.000Z', agencyName: '某区司法局' }));
  });
  after(async () => app.close());

  const receive = async (idNumber = PERSON_ID, date = '2025-09-26') => {
    const res = await sendJson(app, 'POST', '/api/applications', {
      agencyId, channel: 'in-person', evidence: { handedInOn: date }, applicantType: '自然人',
      applicant: { name: NAME, idNumber, phone: PHONE, address: ADDRESS, email: EMAIL },
      subject: '2024年度行政许可事项清单', formWanted: '电子邮件',
    });
    assert.equal(res.statusCode, 201, res.body);
    return json<{ id: number }>(res).id;
  };

  test('the table holds no plaintext personal data after the API and the public form; the API reads it back', async () => {
    const id = await receive();
    const form = await app.inject({
      method: 'POST', url: '/apply', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        agencyId: String(agencyId), applicantType: '自然人', name: '李四海', idType: 'resident-id', idNumber: OTHER_ID,
        phone: '13900001111', address: '山东省威海市环翠区某路9号', email: 'li@example.cn', subject: '某项目环评批复', formWanted: '电子邮件',
      }).toString(),
    });
    assert.equal(form.statusCode, 201, form.body);

    const rows = await rawRows(db.db);
    assert.equal(rows.length, 2);
    const everything = JSON.stringify(rows);
    for (const secret of [PERSON_ID, PHONE, NAME, ADDRESS, EMAIL, OTHER_ID, '13900001111', '李四海', '某路9号', 'li@example.cn', '002X', '5678']) {
      assert.ok(!everything.includes(secret), `applicant_details holds ${secret} in plaintext`);
    }
    const row = rows.find((r) => r.application_id === id)!;
    for (const value of [row.name, row.id_number, row.phone, row.address, row.email]) assert.match(value!, /^sm4:v1:[0-9a-f]{8}:/);
    assert.equal(row.id_type, 'resident-id');
    assert.equal(row.id_number_hash, testPii.blindIndex(PERSON_ID));
    assert.equal(testPii.decrypt(row.id_number), PERSON_ID);

    const detail = json(await app.inject({ method: 'GET', url: `/api/applications/${id}` }));
    assert.deepEqual(
      { name: detail.applicant.name, idNumber: detail.applicant.idNumber, phone: detail.applicant.phone, address: detail.applicant.address, email: detail.applicant.email },
      { name: NAME, idNumber: PERSON_ID, phone: PHONE, address: ADDRESS, email: EMAIL },
    );
    const list = await app.inject({ method: 'GET', url: `/api/applications?agencyId=${agencyId}` });
    assert.equal(list.statusCode, 200);
    assert.ok(!list.body.includes(PERSON_ID) && !list.body.includes(PHONE) && !list.body.includes(NAME), 'the list stays masked');
  });

  test('finds an applicant\'s cases by identity number through the blind index; the monthly fee count uses it too', async () => {
    const calendar = await calendarService(db.db).load();
    const svc = applicationService(db.db, steppingClock('2025-11-18T02:00:00.000Z'), calendar, testPii);
    const second = await receive(PERSON_ID, '2025-09-29');
    const mine = await svc.listByIdNumber(' 11010519491231002x ', agencyId);
    assert.ok(mine.length >= 2);
    assert.ok(mine.some((c) => c.id === second));
    assert.deepEqual(await svc.listByIdNumber(OTHER_ID, agencyId).then((l) => l.length), 1);
    assert.deepEqual(await svc.listByIdNumber('110105194912310037'), []);
    // 国办函〔2020〕109号: the applicant's applications earlier in the month count (found by the blind index): this is the 2nd.
    const res = await sendJson(app, 'POST', `/api/applications/${second}/events`, { type: 'fee-notice-sent', date: '2025-09-30', fee: { method: 'by-application' } });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(json(res).message, /同一申请人一个自然月内累计申请10件以下（含10件）不收费，本件为本月第2件/);
  });

  test('a changed byte in the table is a clear error (500 over HTTP), never garbage', async () => {
    const id = await receive();
    const { phone } = (await rawRows(db.db)).find((r) => r.application_id === id)!;
    const prefix = phone!.slice(0, phone!.lastIndexOf(':') + 1);
    const raw = Buffer.from(phone!.slice(prefix.length), 'base64');
    raw[20] = raw[20]! ^ 0x80;
    await db.db.updateTable('applicant_details').set({ phone: prefix + raw.toString('base64') }).where('application_id', '=', id).execute();
    const calendar = await calendarService(db.db).load();
    const svc = applicationService(db.db, steppingClock('2025-11-18T02:00:00.000Z'), calendar, testPii);
    await assert.rejects(svc.get(id), (e: unknown) => e instanceof PiiCipherError && e.reason === 'integrity');
    const res = await app.inject({ method: 'GET', url: `/api/applications/${id}` });
    assert.equal(res.statusCode, 500);
    assert.deepEqual(json(res), { code: 'INTERNAL', message: '服务器内部错误' });
    await db.db.updateTable('applicant_details').set({ phone: testPii.encrypt(PHONE) }).where('application_id', '=', id).execute();
  });

  test('the startup step encrypts rows written before 0011, in batches, once; the key check refuses another key', async () => {
    const legacy = await ctx.fresh({ migrate: false });
    const migrator = new Migrator({ db: legacy.db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
    const upTo = await migrator.migrateTo('0010_users_and_sessions');
    assert.equal(upTo.error, undefined);
    const at = '2024-01-01T00:00:00.000Z';
    const { id: agency } = await legacy.db.insertInto('agencies')
      .values({ name: '旧机关', parent_id: null, kind: 'department', created_at: at, created_by: 't', archived: 0 }).returning('id').executeTakeFirstOrThrow();
    const people = [
      { name: '王一', id_type: 'resident-id', id_number: PERSON_ID, phone: PHONE, address: ADDRESS, email: null },
      { name: '某公司', id_type: 'uscc', id_number: '91371000MA3C8K2L10', phone: null, address: null, email: 'a@b.cn' },
      { name: '王三', id_type: 'resident-id', id_number: OTHER_ID, phone: '13900001111', address: null, email: null },
      { name: '王四', id_type: 'other', id_number: 'PASSPORT E1234', phone: '010-1234', address: '北京', email: null },
      { name: '王一', id_type: 'resident-id', id_number: PERSON_ID, phone: PHONE, address: null, email: null },
    ];
    for (const [i, person] of people.entries()) {
      const { id } = await legacy.db.insertInto('applications').values({
        agency_id: agency, case_no: `2024-000${i + 1}`, query_code: `Q${i}`, channel: 'in-person', received_on: '2024-03-01',
        applicant_type: person.id_type === 'uscc' ? 'commercial' : 'natural', subject: 's', form_wanted: 'f', state: 'received',
        due_on: '2024-03-29', decision: null, result_row: null, decided_on: null, closed_on: null, fee_method: null, fee_amount: null,
        received_by: 't', office: null, handler: null, created_at: at, updated_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      await legacy.db.insertInto('applicant_details').values({ application_id: id, ...person } as never).execute();
    }
    await migrate(legacy.db);
    assert.ok((await rawRows(legacy.db)).every((r) => r.id_number_hash === null), 'the migration itself does not encrypt');

    assert.equal(await encryptPlaintextApplicants(legacy.db, testPii, { batchRows: 2 }), 5);
    assert.equal(await encryptPlaintextApplicants(legacy.db, testPii, { batchRows: 2 }), 0);
    assert.equal(await preparePiiStorage(legacy.db, testPii), 0);
    const rows = await rawRows(legacy.db);
    const everything = JSON.stringify(rows);
    for (const secret of [PERSON_ID, PHONE, OTHER_ID, '王一', 'E1234', 'a@b.cn', '010-1234']) assert.ok(!everything.includes(secret), secret);
    assert.deepEqual(rows.map((r) => ({
      name: testPii.decrypt(r.name), id_type: r.id_type, id_number: testPii.decrypt(r.id_number),
      phone: r.phone && testPii.decrypt(r.phone), address: r.address && testPii.decrypt(r.address), email: r.email && testPii.decrypt(r.email),
    })), people);
    assert.deepEqual(rows.map((r) => r.id_number_hash), people.map((p) => testPii.blindIndex(p.id_number)));

    const calendar = await calendarService(db.db).load();
    const svc = applicationService(legacy.db, steppingClock('2025-11-18T02:00:00.000Z'), calendar, testPii);
    assert.deepEqual((await svc.listByIdNumber(PERSON_ID)).map((c) => c.caseNo).sort(), ['2024-0001', '2024-0005']);
    assert.equal((await svc.list({ agencyId: agency })).length, 5);

    const wrong = createSm4PiiCipher(Buffer.alloc(32, 7));
    await assert.rejects(checkPiiKey(legacy.db, wrong),
      (e: unknown) => e instanceof ConfigError && e.variable === 'GONGKAI_PII_KEY' && /无法解密/.test(e.message) && /pii\.key/.test(e.message));
    await assert.rejects(preparePiiStorage(legacy.db, wrong), ConfigError);
    await checkPiiKey(legacy.db, testPii);
  });
});
