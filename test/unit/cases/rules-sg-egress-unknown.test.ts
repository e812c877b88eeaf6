// sg-egress-restricted with a protocol or ports that cannot be read on a rule to a world range: the rule may allow
// all outbound traffic, so "cannot be checked", never "addressed" (YAML, JSON, HCL). The fixtures in
// test/fixtures/cases/rules/sg-egress-unknown-protocol/ say what should happen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseCase, statusOf } from '../support/examples';

const DIR = 'test/fixtures/cases/rules/sg-egress-unknown-protocol';

function analyse(name: string, text?: string): FileAnalysis {
  return analyseCase(DIR, name, text);
}

function egress(result: FileAnalysis, resource: string) {
  return statusOf(result, resource, { ruleId: 'sg-egress-restricted' });
}

describe('sg-egress-unknown-protocol', () => {
  for (const [file, open, scoped] of [['template.yaml', 'WorkerGroup', 'ScopedGroup'], ['template.json', 'WorkerGroup', 'ScopedGroup'], ['main.tf', 'aws_security_group.worker', 'aws_security_group.scoped']]) {
    test(`${file}: an unknown protocol to 0.0.0.0/0 cannot be checked; to 10.0.0.0/8 it is scoped`, () => {
      const result = analyse(file);
      assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'sg-egress-restricted'), []);
      const status = egress(result, open);
      assert.equal(status.status, 'cannot-be-checked', status.detail);
      assert.ok(status.detail.includes("whether all outbound traffic may go to the internet (Cidr".replace('Cidr', file.endsWith('.tf') ? 'cidr_blocks' : 'CidrIp')), status.detail);
      assert.equal(egress(result, scoped).status, 'addressed');
    });
  }

  test('main.tf: ports that cannot be read and may span them all cannot be checked', () => {
    const status = egress(analyse('main.tf'), 'aws_vpc_security_group_egress_rule.wide');
    assert.equal(status.status, 'cannot-be-checked', status.detail);
    assert.ok(status.detail.includes('the ports (from_port, to_port) cannot be read'), status.detail);
  });

  test('variants: a known protocol still decides (-1: finding; tcp 443: scoped); a port range that cannot span all is scoped', () => {
    const tf = readFileSync(`${DIR}/main.tf`, 'utf8');
    const all = analyse('main.tf', tf.replace('variable "egress_protocol" {\n  type = string\n}', 'variable "egress_protocol" {\n  type    = string\n  default = "-1"\n}'));
    assert.equal(all.findings.filter((finding) => finding.ruleId === 'sg-egress-restricted' && finding.resource.id === 'aws_security_group.worker').length, 1);
    const yaml = readFileSync(`${DIR}/template.yaml`, 'utf8');
    const tcp = analyse('template.yaml', yaml.replace('  EgressProtocol:\n    Type: String\n', '  EgressProtocol:\n    Type: String\n    Default: tcp\n').replaceAll('FromPort: 0\n          ToPort: 0', 'FromPort: 443\n          ToPort: 443'));
    assert.equal(egress(tcp, 'WorkerGroup').status, 'addressed');
    const narrow = analyse('main.tf', tf.replace('to_port           = 65535', 'to_port           = 443'));
    assert.equal(egress(narrow, 'aws_vpc_security_group_egress_rule.wide').status, 'addressed');
  });
});
