/**
 * TypeBox schemas of the catalogue API (主动公开基本目录): the tree, node changes, templates and versions.
 */
import { Type, type Static } from 'typebox';
import { CATALOGUE_TEMPLATES, type CatalogueTemplateKey } from '../core/disclosure/catalogue-templates.js';
import { ART20_ITEMS } from '../core/disclosure/item-labels.js';
import { idSchema } from '../reports/report.schema.js';
import { ChainRecordProperties, literalUnion, VersionSummaryProperties } from './review.schema.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const Art20Schema = literalUnion(Object.keys(ART20_ITEMS), `对应条例第二十条的项：${Object.entries(ART20_ITEMS).map(([k, v]) => `${k} ${v.slice(0, 4)}`).join('、')}`);
const DetailsSchema = Type.Record(Type.String(), Type.Unknown(), {
  description: '基层目录的要素（JSON 对象）：content 公开内容要素、basis 公开依据、timeLimit 公开时限、subject 公开主体、channels 公开渠道和载体、audience 公开对象、mode 公开方式、levels 公开层级',
});

const nodeProperties = {
  id: Type.Integer(), parentId: Nullable(Type.Integer()), name: Type.String(), art20Item: Nullable(Type.String()),
  position: Type.Integer({ description: '在同级类目中的位置（从 0 起）' }),
  details: Nullable(Type.Record(Type.String(), Type.Unknown())), archived: Type.Boolean(),
};

/** A node without its children. */
export const CatalogueNodeSchema = Type.Object(nodeProperties, { description: '目录类目' });

/** A node of the tree: its children are nodes of the same shape (sent whole). */
export const CatalogueTreeNodeSchema = Type.Object({
  ...nodeProperties,
  art20Name: Nullable(Type.String({ description: '对应条例第二十条事项的名称' })),
  children: Type.Array(Type.Object({}, { additionalProperties: true }), { description: '下级类目（结构同本类目）' }),
}, { description: '目录类目及其下级类目' });

/** The live tree of an agency. */
export const CatalogueTreeSchema = Type.Object({ agencyId: Type.Integer(), nodes: Type.Array(CatalogueTreeNodeSchema) });

export const TreeQuery = Type.Object({ archived: Type.Optional(Type.Boolean({ description: 'true：含已归档类目' })) });

export const NodeParams = Type.Object({ agencyId: idSchema('机关编号'), nodeId: idSchema('类目编号') });

export const AddNodeBody = Type.Object({
  parentId: Nullable(idSchema('上级类目编号（null：一级类目）')),
  name: Type.String({ maxLength: 200, description: '类目名称' }),
  art20Item: Type.Optional(Nullable(Art20Schema)),
  details: Type.Optional(Nullable(DetailsSchema)),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000, description: '在同级类目中的位置（从 0 起；缺省排在最后）' })),
}, { additionalProperties: false });

export const UpdateNodeBody = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 200, description: '新名称' })),
  art20Item: Type.Optional(Nullable(Art20Schema)),
  details: Type.Optional(Nullable(DetailsSchema)),
}, { additionalProperties: false, minProperties: 1 });

export const MoveNodeBody = Type.Object({
  parentId: Nullable(idSchema('新的上级类目编号（null：移为一级类目）')),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000, description: '在新的同级类目中的位置（从 0 起；缺省排在最后）' })),
}, { additionalProperties: false });

export const ApplyTemplateBody = Type.Object({
  template: literalUnion(Object.keys(CATALOGUE_TEMPLATES) as CatalogueTemplateKey[], Object.values(CATALOGUE_TEMPLATES).map((t) => `${t.key} ${t.name}`).join('；')),
}, { additionalProperties: false });

export const TemplateAppliedSchema = Type.Object({
  template: Type.String(), added: Type.Integer({ description: '新增类目数' }), kept: Type.Integer({ description: '同名已有、保留不变的类目数' }),
});

export const TemplateListSchema = Type.Array(Type.Object({
  key: Type.String(), name: Type.String(), description: Type.String(), rootCount: Type.Integer(), nodeCount: Type.Integer(),
}));

export const CatalogueVersionSummarySchema = Type.Object(VersionSummaryProperties, { description: '目录版本' });

export const CatalogueVersionSchema = Type.Object({
  ...VersionSummaryProperties,
  nodeCount: Type.Integer(),
  tree: Type.Array(Type.Object({}, { additionalProperties: true }), { description: '提交时的目录快照：[{id, name, art20Item, details, children}]' }),
  ...ChainRecordProperties,
}, { description: '目录版本（含快照和审核记录）' });

// Types for the admin UI (web/src imports them as types only). The tree's children have the node's shape:
// use CatalogueTreeNode of src/core/disclosure/catalogue-tree.ts for the recursive type.
/** GET /api/agencies/:agencyId/catalogue */
export type CatalogueTreeView = Static<typeof CatalogueTreeSchema>;
/** A catalogue version with its snapshot and chain. */
export type CatalogueVersionView = Static<typeof CatalogueVersionSchema>;
