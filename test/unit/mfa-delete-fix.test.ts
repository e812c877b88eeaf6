// s3-mfa-delete's Terraform fix (issue 12): MFA delete turned on in the versioning resource, with the `mfa` argument
// the provider requires for it as a new sensitive variable (the root user's device and a current code). Exact text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import { memoryView } from '../helpers/fileSystemView';
import { applyEdits } from '../helpers/fixOutcome';

const VERSIONING = 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n\nresource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n';

test('s3-mfa-delete: mfa_delete "Enabled" and mfa from a new sensitive variable, a placeholder that says who can apply it', () => {
  const analyzer = new Analyzer({ files: memoryView({ 'main.tf': VERSIONING }, '/m') });
  const input = { path: '/m/main.tf', text: VERSIONING };
  const finding = analyzer.analyze(input).findings.find((candidate) => candidate.ruleId === 's3-mfa-delete');
  assert.ok(finding, 'an s3-mfa-delete finding');
  const action = analyzer.codeActions(input, finding.range).find((candidate) => candidate.finding.ruleId === 's3-mfa-delete' && candidate.kind === 'quickfix' && candidate.isPreferred);
  assert.ok(action, 'a fix');
  assert.equal(action.safe, undefined, 'a placeholder is never applied in bulk');
  assert.match(action.title, /only the root user's credentials can apply it/);
  const fixed = applyEdits(VERSIONING, action.fix.edits);
  assert.equal(fixed, 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n}\n\nresource "aws_s3_bucket_versioning" "b" {\n  bucket = aws_s3_bucket.b.id\n  versioning_configuration {\n    status = "Enabled"\n    mfa_delete = "Enabled"\n  }\n  mfa = var.s3_mfa_delete_device\n}\n\nvariable "s3_mfa_delete_device" {\n  description = "The bucket owner root user\'s MFA device serial number (ARN), a space, and a current code from it (S3 PutBucketVersioning x-amz-mfa)"\n  type        = string\n  sensitive   = true\n}\n');
  const after = new Analyzer({ files: memoryView({ 'main.tf': fixed }, '/m') }).analyze({ path: '/m/main.tf', text: fixed });
  assert.ok(!after.findings.some((candidate) => candidate.ruleId === 's3-mfa-delete'), 'the finding is gone');
});
