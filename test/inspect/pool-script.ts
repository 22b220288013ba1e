// Run by inspect-pool.test.ts under the tsx CLI and under node --import tsx: inspects a generated
// DOCX on the worker pool, prints the result as JSON and closes the pool (the process must exit).
import { closeInspectPool, inspectInWorker } from '../../src/inspect/inspect-pool.js';
import { idNumber, makeDocx, table } from './fixtures.js';

const docx = await makeDocx(table([['张三', idNumber()]]));
const result = await inspectInWorker(docx, '名单.docx');
await closeInspectPool();
console.log(JSON.stringify(result));
