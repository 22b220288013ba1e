/**
 * Test fixtures: the demo report (the seed, 威海市环翠区行政审批服务局 2019) in interchange JSON.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InterchangeReport } from './api-types.js';

/** A fresh copy of the demo report's interchange document. */
export function demoDocument(): InterchangeReport {
  // A path, not a URL object: under jsdom the global URL is not the one node:fs accepts.
  const file = join(dirname(fileURLToPath(import.meta.url)), '../../src/demo/huancui-approval-bureau-2019.json');
  return JSON.parse(readFileSync(file, 'utf8')) as InterchangeReport;
}
