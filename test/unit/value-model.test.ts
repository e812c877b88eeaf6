// The value model: a value is known (with provenance) or unknown (with the reason); a duty judged on an unknown
// value is "cannot be checked", in the status, the hover on the resource and the hover on the setting.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/analysis';
import { analyseTerraform } from './support/terraformTester';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Encrypt:
    Type: String
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: !Ref Encrypt
  Known:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: true
`;

describe('value model', () => {
  test('CloudFormation: a parameter without a default is unknown; the status says why, never addressed', () => {
    const result = new Analyzer().analyze({ path: 't.yaml', text: TEMPLATE });
    const status = result.resources.find((resource) => resource.id === 'Db')?.responsibilities.find((entry) => entry.ruleIds.includes('rds-storage-encrypted'));
    assert.equal(status?.status, 'cannot-be-checked');
    assert.equal(status.detail, 'cannot be checked: StorageEncrypted is the value given for parameter Encrypt (no default) (Ref Encrypt)');
    assert.ok(!result.findings.some((finding) => finding.ruleId === 'rds-storage-encrypted' && finding.resource.id === 'Db'));
    const known = result.resources.find((resource) => resource.id === 'Known')?.responsibilities.find((entry) => entry.ruleIds.includes('rds-storage-encrypted'));
    assert.equal(known?.status, 'addressed');
  });

  test('hovers say "cannot be checked" on the resource and on the setting', () => {
    const analyzer = new Analyzer();
    const input = { path: 't.yaml', text: TEMPLATE };
    const onType = analyzer.hover(input, TEMPLATE.indexOf('AWS::RDS::DBInstance'));
    assert.match(onType?.markdown ?? '', /Encryption at rest: \*\*cannot be checked\*\*: StorageEncrypted is the value given for parameter Encrypt/i);
    const onSetting = analyzer.hover(input, TEMPLATE.indexOf('StorageEncrypted'));
    assert.match(onSetting?.markdown ?? '', /Cannot be checked: StorageEncrypted is the value given for parameter Encrypt/);
  });

  test('Terraform: an unset variable is unknown; a tfvars value is known with its provenance', () => {
    const main = `variable "encrypted" {}
resource "aws_db_instance" "db" {
  engine            = "postgres"
  storage_encrypted = var.encrypted
}
`;
    const unset = analyseTerraform(main).resources?.find((resource) => resource.id === 'aws_db_instance.db')?.responsibilities.find((entry) => entry.ruleIds.includes('rds-storage-encrypted'));
    assert.equal(unset?.status, 'cannot-be-checked');
    assert.match(unset.detail, /^cannot be checked: storage_encrypted is /);
    const set = analyseTerraform(main, { 'terraform.tfvars': 'encrypted = false\n' });
    const finding = set.findings.find((entry) => entry.ruleId === 'rds-storage-encrypted');
    assert.match(finding?.message ?? '', /storage_encrypted is false \(var\.encrypted.*terraform\.tfvars/);
  });
});
