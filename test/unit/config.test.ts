// `.iac-hints.yaml` in the core (analysis/config.ts): parsing with exact ranges, what an invalid entry leaves, the
// rule policy and its precedence, the path filter, the analyzer under a policy, and the JSON Schema that ships
// with the extension (it must accept the README's example and list exactly the keys the loader knows).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { Analyzer, configuredOptions, listRules, parseConfig, pathFilterOf, rulePolicyOf } from '../../server/src/analysis';
import type { Problem } from '../../server/src/analysis';
import { CONFIG_KEYS, SUPPRESSIONS_KEYS } from '../../server/src/analysis/config';
import { ITEMS } from '../../server/src/analysis/knowledge';
import { REPO_ROOT } from '../helpers/paths';

/** The README's complete example: the first ```yaml block of its Configuration section. */
export function readmeExample(): string {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'));
  const match = /```yaml\n([\s\S]*?)```/.exec(section);
  assert.ok(match, 'README.md has a Configuration section with a yaml example');
  return match[1];
}

/** Each problem as `text at its range: severity message-start`, to check places exactly. */
function located(text: string, problems: readonly Problem[]): string[] {
  return problems.map((problem) => `${text.slice(problem.range.start, problem.range.end)}|${problem.severity}|${problem.message}`);
}

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Encrypt:
    Type: String
    Default: "true"
    AllowedValues: ["true", "false"]
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      PubliclyAccessible: false
      StorageEncrypted: !Ref Encrypt
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: open
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`;

describe('.iac-hints.yaml parsing', () => {
  test('the README example parses without a problem, every setting read', () => {
    const { config, problems } = parseConfig(readmeExample(), '.iac-hints.yaml');
    assert.deepEqual(problems, []);
    assert.equal(config.minimumSeverity, 'warning');
    assert.deepEqual(config.allowedRegions, ['eu-west-1', 'eu-central-1']);
    assert.deepEqual(config.items, ['data-at-rest-encryption', 'key-management', 'public-access', 'network-exposure', 'identity-access', 'data-residency']);
    assert.deepEqual(config.itemSeverity, { 'network-exposure': 'error' });
    assert.deepEqual(config.rules, { 'rds-storage-encrypted': 'error', 's3-kms-cmk': 'off', 's3-access-logging': 'on' });
    assert.deepEqual(config.include, ['infra/**']);
    assert.deepEqual(config.exclude, ['infra/legacy/**', '**/test-fixtures/**']);
    assert.equal(config.otherToolSuppressions, false);
  });

  test('each mistake is reported at its exact place, with "did you mean", and the valid settings still apply', () => {
    const text = [
      'minimumSeverity: errror',
      'allowedRegions: [eu-west-1, europe]',
      'items: [public-acess, network-exposure]',
      'rules:',
      '  sg-open-admin-port: off',
      '  rds-storage-encrypted: loud',
      '  rds-not-public: info',
      'itemSeverity: {logging-audit: 3}',
      'exclde: [x]',
      'suppressions: {otherTools: maybe, others: true}',
      'exclude: [legacy, "../up"]',
      '',
    ].join('\n');
    const { config, problems } = parseConfig(text, '.iac-hints.yaml');
    assert.deepEqual(located(text, problems), [
      "errror|error|minimumSeverity must be one of error, warning, info, not 'errror'; the default applies.",
      "europe|warning|'europe' does not look like an AWS Region name (such as eu-west-1).",
      "public-acess|warning|Unknown responsibility item 'public-acess' (did you mean 'public-access'?); it is ignored.",
      "sg-open-admin-port|warning|Unknown rule 'sg-open-admin-port' (did you mean 'sg-open-admin-ports'?); it is ignored.",
      "loud|error|rules.rds-storage-encrypted must be one of off, on, error, warning, info, not 'loud'; it is ignored.",
      '3|error|itemSeverity.logging-audit must be one of off, on, error, warning, info; it is ignored.',
      "exclde|warning|Unknown key 'exclde' (did you mean 'exclude'?); it is ignored.",
      'maybe|error|suppressions.otherTools must be true or false; the default (true) applies.',
      "others|warning|Unknown key 'suppressions.others'; it is ignored.",
      `"../up"|warning|'../up' is matched against paths relative to the folder of .iac-hints.yaml; it can never match.`,
    ]);
    // What was valid applies.
    assert.equal(config.minimumSeverity, undefined);
    assert.deepEqual(config.allowedRegions, ['eu-west-1', 'europe']);
    assert.deepEqual(config.items, ['network-exposure']);
    assert.deepEqual(config.rules, { 'rds-not-public': 'info' });
    assert.deepEqual(config.exclude, ['legacy', '../up']);
    assert.equal(config.otherToolSuppressions, undefined);
  });

  test('a YAML syntax error is reported at its place and the settings before it still apply', () => {
    const text = 'minimumSeverity: error\nrules:\n  rds-not-public: off\nexclude: [a, b\n';
    const { config, problems } = parseConfig(text, '.iac-hints.yaml');
    assert.ok(problems.some((problem) => problem.severity === 'error' && problem.range.start >= text.indexOf('exclude')), JSON.stringify(problems));
    assert.equal(config.minimumSeverity, 'error');
    assert.deepEqual(config.rules, { 'rds-not-public': 'off' });
  });

  test('nothing can silence everything: an empty or unknown items list checks every item', () => {
    for (const text of ['items: []\n', 'items: [nothing-known]\n']) {
      const { config, problems } = parseConfig(text, '.iac-hints.yaml');
      assert.equal(config.items, undefined, text);
      assert.ok(problems.some((problem) => problem.message.startsWith('items lists no known responsibility item') && text.slice(problem.range.start, problem.range.end).startsWith('[')), text);
      assert.deepEqual(Object.values(rulePolicyOf(config)).filter((level) => level === 'off'), []);
    }
  });

  test('not a mapping, empty, repeated keys', () => {
    const list = parseConfig('- a\n- b\n', 'c.yaml');
    assert.deepEqual(located('- a\n- b\n', list.problems), ['- a\n- b|error|c.yaml must be a mapping of settings (minimumSeverity, rules, ...); it is ignored.']);
    assert.deepEqual(parseConfig('', 'c.yaml').problems, []);
    assert.deepEqual(parseConfig('# only a comment\n', 'c.yaml').problems, []);
    const twice = 'minimumSeverity: info\nminimumSeverity: error\n';
    const repeated = parseConfig(twice, 'c.yaml');
    assert.equal(repeated.config.minimumSeverity, 'error');
    assert.deepEqual(repeated.problems.map((problem) => [problem.range.start, problem.severity]), [[0, 'warning']]);
  });
});

describe('rule policy and precedence', () => {
  test("a rule's own level wins over its item's, which wins over the items list", () => {
    const { config } = parseConfig([
      'items: [network-exposure]',
      'itemSeverity: {data-at-rest-encryption: warning, public-access: off}',
      'rules: {rds-storage-encrypted: error, sg-open-admin-ports: "off", s3-block-public-access: on}',
    ].join('\n'), 'c.yaml');
    const policy = rulePolicyOf(config);
    const meta = new Map(listRules().map((rule) => [rule.id, rule]));
    assert.equal(policy['rds-storage-encrypted'], 'error'); // own level over the item's warning
    assert.equal(policy['sg-open-admin-ports'], 'off'); // own off, although its item is listed
    assert.equal(policy['s3-block-public-access'], undefined); // own on, although its item is off: as written
    for (const [id, rule] of meta) {
      if (id === 'rds-storage-encrypted' || id === 'sg-open-admin-ports' || id === 's3-block-public-access') continue;
      const expected = rule.item === 'network-exposure' ? undefined
        : rule.item === 'data-at-rest-encryption' ? (rule.severity === 'warning' ? undefined : 'warning')
          : 'off';
      assert.equal(policy[id], expected, id);
    }
  });

  test('flags > .iac-hints.yaml > editor settings > defaults', () => {
    const { config } = parseConfig('minimumSeverity: warning\nallowedRegions: [eu-west-1]\n', 'c.yaml');
    assert.deepEqual(configuredOptions(config, {}, {}), { minimumSeverity: 'warning', rules: {}, otherToolSuppressions: true, allowedRegions: ['eu-west-1'] });
    const flags = { minimumSeverity: 'error' as const, allowedRegions: ['us-east-1'] };
    const editor = { minimumSeverity: 'info' as const, allowedRegions: ['eu-central-1'] };
    assert.deepEqual(configuredOptions(config, flags, editor), { minimumSeverity: 'error', rules: {}, otherToolSuppressions: true, allowedRegions: ['us-east-1'] });
    assert.deepEqual(configuredOptions(config, { allowedRegions: [] }, editor), { minimumSeverity: 'warning', rules: {}, otherToolSuppressions: true, allowedRegions: ['eu-west-1'] });
    const none = parseConfig('', 'c.yaml').config;
    assert.deepEqual(configuredOptions(none, {}, editor), { minimumSeverity: 'info', rules: {}, otherToolSuppressions: true, allowedRegions: ['eu-central-1'] });
    assert.deepEqual(configuredOptions(none), { minimumSeverity: 'info', rules: {}, otherToolSuppressions: true });
    assert.equal(configuredOptions(parseConfig('suppressions: {otherTools: false}', 'c.yaml').config).otherToolSuppressions, false);
  });

  test('the analyzer runs no rule that is off, gives missed duties the configured severity, and keeps "depends" as information', () => {
    const plain = new Analyzer().analyze({ path: 't.yaml', text: TEMPLATE });
    const ids = (analysis: typeof plain) => analysis.findings.map((finding) => `${finding.ruleId}:${finding.severity}`).sort();
    assert.ok(ids(plain).includes('sg-open-admin-ports:error'), ids(plain).join());
    assert.ok(ids(plain).includes('rds-storage-encrypted:info'), ids(plain).join()); // depends on the parameter
    const { config } = parseConfig('rules: {sg-open-admin-ports: off, rds-storage-encrypted: error, rds-backup-retention: error}\n', 'c.yaml');
    const configured = new Analyzer(configuredOptions(config)).analyze({ path: 't.yaml', text: TEMPLATE });
    assert.ok(!ids(configured).some((id) => id.startsWith('sg-open-admin-ports')), ids(configured).join());
    assert.ok(ids(configured).includes('rds-storage-encrypted:info'), 'depends stays information');
    assert.ok(ids(configured).includes('rds-backup-retention:error'), ids(configured).join());
    // An off rule has no status either.
    const statuses = configured.resources.flatMap((resource) => resource.responsibilities.flatMap((status) => status.ruleIds));
    assert.ok(!statuses.includes('sg-open-admin-ports'));
    assert.ok(plain.resources.flatMap((resource) => resource.responsibilities.flatMap((status) => status.ruleIds)).includes('sg-open-admin-ports'));
    // The same for Terraform.
    const tf = 'resource "aws_db_instance" "db" {\n  storage_encrypted = false\n  publicly_accessible = false\n}\n';
    const tfPlain = new Analyzer().analyze({ path: 'main.tf', text: tf });
    const tfConfigured = new Analyzer(configuredOptions(config)).analyze({ path: 'main.tf', text: tf });
    assert.ok(ids(tfPlain).includes('rds-storage-encrypted:warning'), ids(tfPlain).join());
    assert.ok(ids(tfConfigured).includes('rds-storage-encrypted:error'), ids(tfConfigured).join());
  });
});

describe('suppressions.otherTools', () => {
  test("turns other tools' suppressions off through the analyzer options (on by default)", () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Logs:\n    Type: AWS::S3::Bucket\n    # checkov:skip=CKV_AWS_18:logs are collected centrally\n    Properties:\n      BucketName: b\n';
    const logging = (otherTools: string) => {
      const analysis = new Analyzer(configuredOptions(parseConfig(otherTools, 'c.yaml').config)).analyze({ path: 't.yaml', text });
      return { reported: analysis.findings.some((finding) => finding.ruleId === 's3-access-logging'), suppressed: analysis.suppressed.some((entry) => entry.finding.ruleId === 's3-access-logging') };
    };
    assert.deepEqual(logging(''), { reported: false, suppressed: true });
    assert.deepEqual(logging('suppressions: {otherTools: true}\n'), { reported: false, suppressed: true });
    assert.deepEqual(logging('suppressions: {otherTools: false}\n'), { reported: true, suppressed: false });
  });
});

describe('include and exclude', () => {
  test('globs match a path or a folder above it, relative to the configuration; ../ matches nothing', () => {
    const { config } = parseConfig('include: [infra, "**/*.tf"]\nexclude: [infra/legacy/, "**/fixtures/**"]\n', 'c.yaml');
    const included = pathFilterOf(config, ['infra/skip-me.yaml']);
    assert.equal(included('infra/web.yaml'), true);
    assert.equal(included('infra/deep/web.yaml'), true);
    assert.equal(included('modules/db/main.tf'), true);
    assert.equal(included('other/web.yaml'), false);
    assert.equal(included('infra/legacy/old.yaml'), false);
    assert.equal(included('infra/a/fixtures/x.yaml'), false);
    assert.equal(included('infra/skip-me.yaml'), false);
    assert.equal(included('../outside/web.yaml'), true);
    assert.equal(included('.hidden/main.tf'), true); // dot folders are matched like any other
    const none = pathFilterOf(parseConfig('', 'c.yaml').config);
    assert.equal(none('anything/at/all.yaml'), true);
  });
});

describe('the JSON Schema', () => {
  const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'iac-hints.schema.json'), 'utf8')) as {
    properties: Record<string, { properties?: Record<string, unknown>; items?: { enum?: string[] } }>;
  };
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const yamlToJson = (text: string): unknown => {
    // The schema validates the value the loader reads; the loader's own parser gives it (through the config).
    const { config } = parseConfig(text, 'c.yaml');
    return {
      ...(config.minimumSeverity ? { minimumSeverity: config.minimumSeverity } : {}),
      ...(config.allowedRegions ? { allowedRegions: config.allowedRegions } : {}),
      ...(config.items ? { items: config.items } : {}),
      itemSeverity: config.itemSeverity,
      rules: config.rules,
      include: config.include,
      exclude: config.exclude,
      ...(config.otherToolSuppressions === undefined ? {} : { suppressions: { otherTools: config.otherToolSuppressions } }),
    };
  };

  test('accepts the README example and rejects what the loader reports', () => {
    assert.equal(validate(yamlToJson(readmeExample())), true, JSON.stringify(validate.errors));
    assert.equal(validate({ minimumSeverity: 'errror' }), false);
    assert.equal(validate({ colour: 'blue' }), false);
    assert.equal(validate({ items: ['public-acess'] }), false);
    assert.equal(validate({ items: [] }), false);
    assert.equal(validate({ rules: { 'rds-not-public': 'loud' } }), false);
    assert.equal(validate({ rules: { 'rds-not-public': false } }), true);
    assert.equal(validate({ suppressions: { otherTools: 'maybe' } }), false);
  });

  test('lists exactly the keys and items the loader knows', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), [...CONFIG_KEYS].sort());
    assert.deepEqual(Object.keys(schema.properties.suppressions.properties ?? {}).sort(), [...SUPPRESSIONS_KEYS].sort());
    assert.deepEqual(schema.properties.items.items?.enum, ITEMS.map((item) => item.id));
  });

  test('ships with the extension: contributed for .iac-hints.yaml and kept in the .vsix', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation?: { fileMatch: string; url: string }[] } };
    assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: '.iac-hints.yaml', url: './schemas/iac-hints.schema.json' }]);
    assert.match(readFileSync(join(REPO_ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/iac-hints\.schema\.json$/m);
  });
});
