/**
 * Rendered files of report versions, kept in memory. A stored version never changes (a save makes
 * a new version), so (report, version, type) names one file for ever and the cache needs no
 * invalidation; it only bounds its size. Word and PDF take long to make, and the portal serves the
 * same published report to many readers.
 */
import type { ReportDocument } from '../core/report/report-model.js';
import { renderReport, type OutputFormat, type RenderedFile } from '../render/render-report.js';

/** A bounded cache of rendered report versions; concurrent requests for one file share one render. */
export interface RenderCache {
  get(key: { id: number; version: number }, document: ReportDocument, to: OutputFormat): Promise<RenderedFile>;
}

/** Creates a cache holding at most `max` files (least recently used dropped first). */
export function createRenderCache(max = 64): RenderCache {
  const files = new Map<string, Promise<RenderedFile>>();
  return {
    get({ id, version }, document, to) {
      const key = `${id}:${version}:${to}`;
      const hit = files.get(key);
      if (hit) {
        files.delete(key);
        files.set(key, hit);
        return hit;
      }
      const made = renderReport(document, to);
      files.set(key, made);
      // A failed render is not kept: the next request tries again.
      made.catch(() => files.delete(key));
      while (files.size > max) files.delete(files.keys().next().value!);
      return made;
    },
  };
}
