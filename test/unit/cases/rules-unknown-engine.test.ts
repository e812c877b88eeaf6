// Rules that do not apply to some engines (Memcached has no backups, RabbitMQ brokers no audit log) with an engine
// that cannot be known: the gap cannot be checked, in YAML, JSON and HCL; a replication group, which cannot run
// Memcached, is still judged. The fixtures in test/fixtures/cases/rules/unknown-engine-excluded/ say what should happen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseCase } from '../support/examples';

const DIR = 'test/fixtures/cases/rules/unknown-engine-excluded';

function analyse(name: string, text?: string): FileAnalysis {
  return analyseCase(DIR, name, text);
}

function status(result: FileAnalysis, resource: string, ruleId: string) {
  const found = result.resources.find((candidate) => candidate.id === resource)?.responsibilities.find((responsibility) => responsibility.ruleIds.includes(ruleId));
  assert.ok(found, `${resource} should have a status from ${ruleId}`);
  return found;
}

function findings(result: FileAnalysis, resource: string, ruleId: string) {
  return result.findings.filter((finding) => finding.ruleId === ruleId && finding.resource.id === resource);
}

const CASES = [
  { file: 'template.yaml', cluster: 'SessionCache', group: 'SessionGroup', broker: 'Broker', engine: 'Engine', brokerEngine: 'EngineType' },
  { file: 'template.json', cluster: 'SessionCache', group: 'SessionGroup', broker: 'Broker', engine: 'Engine', brokerEngine: 'EngineType' },
  { file: 'main.tf', cluster: 'aws_elasticache_cluster.sessions', group: 'aws_elasticache_replication_group.sessions', broker: 'aws_mq_broker.orders', engine: 'engine', brokerEngine: 'engine_type' },
];

describe('unknown-engine-excluded', () => {
  for (const { file, cluster, group, broker, engine, brokerEngine } of CASES) {
    test(`${file}: an unknown engine that may be an excluded one cannot be checked; a replication group is still judged`, () => {
      const result = analyse(file);
      assert.deepEqual(result.problems.filter((problem) => problem.message.startsWith('Internal error')), []);
      const backups = status(result, cluster, 'elasticache-backups');
      assert.equal(backups.status, 'cannot-be-checked');
      assert.ok(backups.detail.startsWith(`cannot be checked: ${engine} is `), backups.detail);
      assert.deepEqual(findings(result, cluster, 'elasticache-backups'), []);
      const audit = status(result, broker, 'mq-audit-logs');
      assert.equal(audit.status, 'cannot-be-checked');
      assert.ok(audit.detail.startsWith(`cannot be checked: ${brokerEngine} is `), audit.detail);
      assert.deepEqual(findings(result, broker, 'mq-audit-logs'), []);
      assert.equal(findings(result, group, 'elasticache-backups')[0]?.severity, 'warning');
    });
  }

  test('variants: a known engine still decides (Redis OSS and ActiveMQ reported, Memcached and RabbitMQ not applicable)', () => {
    const tf = readFileSync(`${DIR}/main.tf`, 'utf8');
    const known = analyse('main.tf', tf.replace('engine            = var.cache_engine', 'engine            = "redis"').replace('var.broker_engine', '"ActiveMQ"'));
    assert.equal(findings(known, 'aws_elasticache_cluster.sessions', 'elasticache-backups')[0]?.severity, 'warning');
    assert.equal(findings(known, 'aws_mq_broker.orders', 'mq-audit-logs')[0]?.severity, 'warning');
    const excluded = analyse('main.tf', tf.replace('engine            = var.cache_engine', 'engine            = "memcached"').replace('var.broker_engine', '"RabbitMQ"'));
    assert.equal(status(excluded, 'aws_elasticache_cluster.sessions', 'elasticache-backups').status, 'not-applicable');
    assert.equal(status(excluded, 'aws_mq_broker.orders', 'mq-audit-logs').status, 'not-applicable');
    const yaml = readFileSync(`${DIR}/template.yaml`, 'utf8');
    const withDefault = analyse('template.yaml', yaml.replace('  BrokerEngine:\n    Type: String\n', '  BrokerEngine:\n    Type: String\n    Default: ACTIVEMQ\n'));
    assert.equal(findings(withDefault, 'Broker', 'mq-audit-logs')[0]?.severity, 'warning');
    const branches = analyse('template.yaml', yaml.replace('  CacheEngine:\n    Type: String\n', '  CacheEngine:\n    Type: String\n    Default: redis\n    AllowedValues: [redis, memcached]\n'));
    const depends = findings(branches, 'SessionCache', 'elasticache-backups');
    assert.equal(depends.length, 1);
    assert.ok(depends[0].message.startsWith('Depends on the deployment: '), depends[0].message);
  });
});
