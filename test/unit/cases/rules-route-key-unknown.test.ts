// apigwv2-route-authorization with a route key that cannot be known on a WebSocket API: only $connect can take
// authorization, so "cannot be checked", never "not applicable" (YAML, JSON, HCL). The fixtures in
// test/fixtures/cases/rules/apigwv2-route-key-unknown/ say what should happen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseCase, statusOf } from '../support/examples';

const DIR = 'test/fixtures/cases/rules/apigwv2-route-key-unknown';
const RULE = 'apigwv2-route-authorization';

function analyse(name: string, text?: string): FileAnalysis {
  return analyseCase(DIR, name, text);
}

function status(result: FileAnalysis, resource: string) {
  return statusOf(result, resource, { ruleId: RULE });
}

describe('apigwv2-route-key-unknown', () => {
  for (const [file, chat, authorized, http] of [
    ['template.yaml', 'ChatRoute', 'AuthorizedRoute', 'HttpRoute'],
    ['template.json', 'ChatRoute', 'AuthorizedRoute', 'HttpRoute'],
    ['main.tf', 'aws_apigatewayv2_route.chat', 'aws_apigatewayv2_route.authorized', 'aws_apigatewayv2_route.http'],
  ]) {
    test(`${file}: an unknown key on a WebSocket API cannot be checked; an authorized one is addressed; an HTTP route misses`, () => {
      const result = analyse(file);
      const chatStatus = status(result, chat);
      assert.equal(chatStatus.status, 'cannot-be-checked', chatStatus.detail);
      assert.ok(chatStatus.detail.includes('WebSocket route other than $connect'), chatStatus.detail);
      assert.equal(status(result, authorized).status, 'addressed');
      assert.deepEqual(result.findings.filter((finding) => finding.ruleId === RULE).map((finding) => finding.resource.id), [http]);
    });
  }

  test('variants: a known key still decides ($connect misses, sendmessage is not applicable)', () => {
    const yaml = readFileSync(`${DIR}/template.yaml`, 'utf8');
    const connect = analyse('template.yaml', yaml.replace('  RouteKey:\n    Type: String\n', '  RouteKey:\n    Type: String\n    Default: $connect\n'));
    assert.deepEqual(connect.findings.filter((finding) => finding.ruleId === RULE).map((finding) => finding.resource.id).sort(), ['ChatRoute', 'HttpRoute']);
    const tf = readFileSync(`${DIR}/main.tf`, 'utf8');
    const send = analyse('main.tf', tf.replace('variable "route_key" {\n  type = string\n}', 'variable "route_key" {\n  type    = string\n  default = "sendmessage"\n}'));
    assert.equal(status(send, 'aws_apigatewayv2_route.chat').status, 'not-applicable');
  });
});
