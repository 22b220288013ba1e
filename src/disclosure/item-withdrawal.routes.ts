/**
 * Withdrawing an item from one channel (撤回): POST /api/items/:id/publications/:publicationId/withdraw with a reason.
 * The publication stays on record with who withdrew it, when and why (publication-withdrawal.ts, the use case the
 * monthly checklist shares); the item keeps its 索引号 and its other channels. Needs item.publish in the item's
 * agency (route-policy.ts, scope `item`). One transaction; a refused request changes nothing.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { MAX_REASON_CHARS } from '../core/disclosure/checklist.js';
import { NotFoundError } from '../core/errors.js';
import { actorOf, inTransaction, type AppContext } from '../http/context.js';
import { errorResponses, idSchema } from '../reports/report.schema.js';
import { getItem } from './item-queries.js';
import { ItemDetailSchema } from './item.schema.js';
import { withdrawPublication } from './publication-withdrawal.js';
import { findPublication } from './review.repository.js';

const WithdrawParams = Type.Object({ id: idSchema('政府信息编号'), publicationId: idSchema('发布记录编号') });
const WithdrawBody = Type.Object({
  // The reason's presence and length are checked by withdrawPublication, which names the field in Chinese.
  reason: Type.String({ maxLength: MAX_REASON_CHARS * 4, description: `撤回理由（必填，不超过 ${MAX_REASON_CHARS} 字）` }),
}, { additionalProperties: false });

/** Registers the withdrawal route. */
export const itemWithdrawalRoutes: FastifyPluginAsyncTypebox<AppContext> = async (app, ctx) => {
  app.post('/api/items/:id/publications/:publicationId/withdraw', {
    schema: {
      tags: ['主动公开'], summary: '从一个渠道撤回信息（须填写理由）',
      description: '撤回后该渠道不再展示此信息；发布和撤回记录均保留，索引号不变。已撤回的不能再次撤回（409 ALREADY_WITHDRAWN）。',
      params: WithdrawParams, body: WithdrawBody, response: { 200: ItemDetailSchema, ...errorResponses(400, 404, 409) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const { id, publicationId } = request.params;
    return inTransaction(ctx, async (trx) => {
      const publication = await findPublication(trx, publicationId);
      // Only a publication of this item: another item's (or the catalogue's) is not found here.
      if (!publication || publication.subject_kind !== 'item' || publication.subject_id !== id) {
        throw new NotFoundError(`编号为 ${id} 的政府信息没有编号为 ${publicationId} 的发布记录`);
      }
      await withdrawPublication(trx, publicationId, request.body.reason, actor, new Date(ctx.clock()));
      return getItem(trx, id);
    });
  });
};
