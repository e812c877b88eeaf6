// A container-image Lambda function has no managed runtime: Lambda's runtime updates (the Auto update mode) do not
// patch it; its image must be rebuilt. lambda-runtime-update-mode is not applicable there (YAML, JSON, HCL).
// The fixtures in test/fixtures/cases/rules/lambda-image-runtime-updates/ say what should happen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseCase, statusOf } from '../support/examples';

const DIR = 'test/fixtures/cases/rules/lambda-image-runtime-updates';

function analyse(name: string, text?: string): FileAnalysis {
  return analyseCase(DIR, name, text);
}

function patching(result: FileAnalysis, resource: string) {
  return statusOf(result, resource, { item: 'os-platform-patching' });
}

describe('lambda-image-runtime-updates', () => {
  for (const [file, id] of [['template.yaml', 'ResizeImage'], ['template.json', 'ResizeImage'], ['main.tf', 'aws_lambda_function.resize']]) {
    test(`${file}: not applicable, and nothing says AWS applies runtime patches`, () => {
      const result = analyse(file);
      const status = patching(result, id);
      assert.equal(status.status, 'not-applicable', status.detail);
      assert.ok(status.ruleIds.includes('lambda-runtime-update-mode'));
      assert.ok(!status.detail.includes('AWS applies runtime patches'), status.detail);
      assert.ok(status.detail.includes('patched by rebuilding it'), status.detail);
    });
  }

  test('variants: a .zip function keeps the Auto default; Manual is still reported', () => {
    const zip = analyse('main.tf', readFileSync(`${DIR}/main.tf`, 'utf8').replace('package_type  = "Image"\n  image_uri     = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/resize:1.4.2"', 'runtime       = "python3.12"\n  handler       = "app.handler"\n  filename      = "resize.zip"'));
    const zipStatus = patching(zip, 'aws_lambda_function.resize');
    assert.notEqual(zipStatus.status, 'not-applicable');
    assert.ok(zipStatus.detail.includes('AWS applies runtime patches'), zipStatus.detail);
    const yaml = readFileSync(`${DIR}/template.yaml`, 'utf8');
    const manual = analyse('template.yaml', yaml.replace('      PackageType: Image\n', '      Runtime: python3.12\n      Handler: app.handler\n      RuntimeManagementConfig:\n        UpdateRuntimeOn: Manual\n        RuntimeVersionArn: arn:aws:lambda:eu-west-1::runtime:abc\n').replace('        ImageUri: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/resize:1.4.2\n', '        ZipFile: "def handler(event, context): return 1"\n'));
    assert.equal(manual.findings.filter((finding) => finding.ruleId === 'lambda-runtime-update-mode').length, 1);
  });
});
