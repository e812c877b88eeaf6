import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';

const examples = path.resolve(__dirname, '../../..', 'examples/cloudformation');

describe('hovers', () => {
  const file = path.join(examples, 'web-stack.yaml');
  const text = readFileSync(file, 'utf8');
  const analyzer = new Analyzer();
  test('on a resource type: category, both sides, and the status of the customer items', () => {
    const offset = text.indexOf('AWS::S3::Bucket') + 3;
    const hover = analyzer.hover({ path: file, text }, offset);
    assert.ok(hover);
    assert.equal(text.slice(hover.range.start, hover.range.end), 'AWS::S3::Bucket');
    assert.match(hover.markdown, /Abstracted service/);
    assert.match(hover.markdown, /\*\*AWS manages\*\*/);
    assert.match(hover.markdown, /\*\*Customer manages\*\*/);
    assert.match(hover.markdown, /public access: \*\*missed\*\*/);
  });
  test('on a setting: the item it addresses, its resolved value and provenance', () => {
    const offset = text.indexOf('StorageEncrypted') + 2;
    const hover = analyzer.hover({ path: file, text }, offset);
    assert.ok(hover);
    assert.equal(text.slice(hover.range.start, hover.range.end), 'StorageEncrypted');
    assert.match(hover.markdown, /Customer responsibility: encryption at rest/);
    assert.match(hover.markdown, /Ref EncryptDatabase, default 'false'/);
  });
  test('elsewhere: nothing', () => {
    assert.equal(analyzer.hover({ path: file, text }, text.indexOf('Description')), undefined);
  });
});
