import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redactUrl } from './log-redaction.js';

test('query codes and other secrets never reach the request log', () => {
  assert.equal(redactUrl('/status?code=ABCD-EFGH-JKLM'), '/status?code=***');
  assert.equal(redactUrl('/status?lang=zh&code=ABCD-EFGH-JKLM#top'), '/status?lang=zh&code=***#top');
  assert.equal(redactUrl('/api/reports?agencyId=2'), '/api/reports?agencyId=2');
});
