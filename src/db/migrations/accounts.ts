/**
 * Migrations 0010–0011: users, role grants, sessions and the append-only security log; applicants' personal data
 * encrypted at rest. Released: never edited (src/db/migrations.ts lists them all).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { idColumn, isSqlite } from './migration-helpers.js';

/**
 * Sign-in and accountability: users, role grants (never deleted: revoked with who and when),
 * server-side sessions (shared by every app instance) and the security audit log, which the
 * database itself keeps append-only (等保 2.0 8.1.4.3; 网络安全法 Art. 21: kept at least six months).
 */
export const usersAndSessions: Migration = {
  async up(db: Kysely<any>) {
    await idColumn(db, db.schema.createTable('users'))
      .addColumn('login', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('office', 'text')
      .addColumn('phone', 'text')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(1).check(sql`must_change_password in (0, 1)`))
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      .addColumn('failed_attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await idColumn(db, db.schema.createTable('role_grants'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
      .addColumn('subtree', 'integer', (c) => c.notNull().defaultTo(0).check(sql`subtree in (0, 1)`))
      .addColumn('granted_at', 'text', (c) => c.notNull())
      .addColumn('granted_by', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoked_by', 'text')
      .execute();
    await db.schema.createIndex('role_grants_user_idx').on('role_grants').columns(['user_id', 'revoked_at']).execute();

    await db.schema.createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('ended_at', 'text')
      .addColumn('end_reason', 'text')
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('grants', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').columns(['user_id', 'ended_at']).execute();

    await idColumn(db, db.schema.createTable('security_events'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('success', 'integer', (c) => c.notNull().check(sql`success in (0, 1)`))
      .addColumn('actor_id', 'integer')
      .addColumn('actor_name', 'text')
      .addColumn('login', 'text')
      .addColumn('target', 'text')
      .addColumn('detail', 'text')
      .addColumn('ip', 'text')
      .execute();
    await db.schema.createIndex('security_events_at_idx').on('security_events').column('at').execute();
    if (isSqlite(db)) {
      for (const op of ['update', 'delete']) {
        await sql.raw(`create trigger security_events_no_${op} before ${op} on security_events
          begin select raise(abort, '安全审计日志只能追加，不能修改或删除'); end`).execute(db);
      }
    } else {
      await sql.raw(`create function security_events_append_only() returns trigger language plpgsql as $$
        begin raise exception '安全审计日志只能追加，不能修改或删除'; end $$`).execute(db);
      await sql.raw(`create trigger security_events_append_only before update or delete on security_events
        for each row execute function security_events_append_only()`).execute(db);
    }

    // The actor of every version and event as the signed-in user's id beside the name shown.
    for (const table of ['report_versions', 'report_events', 'calendar_events', 'application_events']) {
      await db.schema.alterTable(table).addColumn('actor_id', 'integer').execute();
    }
    await db.schema.alterTable('agencies').addColumn('created_by_id', 'integer').execute();
  },
};

/**
 * Applicants' personal data encrypted at rest (个人信息保护法 Art. 51): the columns of applicant_details keep their
 * names and now hold sm4:v1 ciphertext (src/security/pii-cipher.ts); `id_number_hash` is the keyed blind index of the
 * identity number, so an applicant's cases are found without decrypting. Existing rows keep their plaintext with a null
 * hash until the startup step encrypts them (it needs the key, which is never in the database: not SQL).
 */
export const applicantEncryption: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('applicant_details').addColumn('id_number_hash', 'text').execute();
    await db.schema.createIndex('applicant_details_id_hash_idx').on('applicant_details').column('id_number_hash').execute();
  },
};
