/**
 * TypeBox schemas of the saved bulk audits (POST/GET /api/audits…, audit-batch.routes.ts): the ONE source of
 * the shapes the server sends and the admin UI reads (web/src/schema-types.ts derives its types from them). The
 * response shapes and the Chinese label maps are defined beside the use cases (audit-batch-model.ts) and
 * re-exported here; the request shapes that only the routes use are defined here.
 */
import { Type, type Static } from 'typebox';
import { idSchema } from '../reports/report.schema.js';
import { MAX_AUDIT_FILES } from './audit-batch-model.js';

export * from './audit-batch-model.js';

/** POST /api/audits as JSON: audit files already uploaded again. */
export const AuditAgainBody = Type.Object({
  title: Type.Optional(Type.String({ maxLength: 200 })),
  agencyId: Type.Optional(idSchema('核查所属机关；省略时为用户的核查权限所在机关')),
  fileIds: Type.Array(idSchema('核查文件编号'), { minItems: 1, maxItems: MAX_AUDIT_FILES }),
});

export const AuditExportQuery = Type.Object({ format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv'), Type.Literal('html')], { description: '导出格式' }) });
export const AuditDownloadQuery = Type.Object({ format: Type.Optional(Type.Literal('xlsx')) });

export const AuditBatchParams = Type.Object({ id: idSchema('核查批次编号') });
export const AuditFileParams = Type.Object({ id: idSchema('核查批次编号'), fileId: idSchema('核查文件编号') });
export const AuditFindingParams = Type.Object({
  id: idSchema('核查批次编号'), fileId: idSchema('核查文件编号'),
  fingerprint: Type.String({ pattern: '^[0-9a-f]{16,64}$', description: '问题标识' }),
});

export type AuditAgainRequest = Static<typeof AuditAgainBody>;
