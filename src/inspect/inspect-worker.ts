/**
 * The worker side of inspect-pool.ts: one task = one attachment inspected (inspectAttachment), on
 * a worker thread so parsing never blocks the HTTP layer's thread. Loaded by piscina as a module:
 * the .ts file under tsx, the .js file once compiled.
 */
import { inspectAttachment, type AttachmentInspection, type InspectionLimits } from './inspect-attachment.js';

/** A task as posted by the pool. */
export interface InspectTask {
  bytes: Uint8Array;
  fileName: string;
  limits?: Partial<InspectionLimits>;
}

/** Inspects one attachment (the pool's task handler). */
export default function inspectTask(task: InspectTask): Promise<AttachmentInspection> {
  return inspectAttachment(task.bytes, task.fileName, task.limits);
}
