// The CLI's configuration flags (--config, --severity, --skip-path): parsed strictly, a bad value is a usage error
// (exit 2); their effect on a scan under a .iac-hints.yaml is in test/lsp/config.test.ts (both hosts).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { USAGE, UsageError, parseArgs } from '../../server/src/cli/args';
import { runCli } from '../helpers/cli';

/** The output options' defaults (--quiet, --verbose, --var-file, --parse-errors), which these flags leave alone. */
const OUTPUT_DEFAULTS = { quiet: false, verbose: false, varFiles: [], parseErrors: 'fail' };

describe('--config, --severity, --skip-path', () => {
  test('are read into the scan command (--skip-path repeatable, = forms too)', () => {
    assert.deepEqual(parseArgs(['scan', 'infra', '--config', 'ci.yaml', '--severity=warning', '--skip-path', 'a/**', '--skip-path=b']), {
      name: 'scan', paths: ['infra'], format: 'text', failOn: 'error', allowedRegions: [], skipPaths: ['a/**', 'b'], config: 'ci.yaml', severity: 'warning', ...OUTPUT_DEFAULTS,
    });
    assert.deepEqual(parseArgs(['scan']), { name: 'scan', paths: ['.'], format: 'text', failOn: 'error', allowedRegions: [], skipPaths: [], ...OUTPUT_DEFAULTS });
    assert.match(USAGE, /--config FILE/);
    assert.match(USAGE, /--severity error\|warning\|info/);
    assert.match(USAGE, /--skip-path GLOB/);
  });

  test('a bad or missing value, or the flags on `rules`, are usage errors', () => {
    assert.throws(() => parseArgs(['scan', '--severity', 'loud']), (error: unknown) => error instanceof UsageError && /--severity must be one of error, warning, info, not 'loud'/.test(error.message));
    assert.throws(() => parseArgs(['scan', '--skip-path']), UsageError);
    assert.throws(() => parseArgs(['scan', '--config=']), UsageError);
    assert.throws(() => parseArgs(['rules', '--config', 'x.yaml']), /unknown option '--config' for rules/);
    const result = runCli(['scan', '--severity', 'loud']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--severity must be one of/);
  });

  test('globs that leave out every candidate file are said, not passed off as a clean scan', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iac-hints-globs-'));
    try {
      mkdirSync(join(dir, 'cloudformation'));
      writeFileSync(join(dir, 'cloudformation', 'template.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  B:\n    Type: AWS::S3::Bucket\n');
      writeFileSync(join(dir, '.iac-hints.yaml'), 'include: ["Cloudformation/**"]\n');
      const result = runCli(['scan', '.', '--fail-on', 'none'], { cwd: dir });
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stderr, /warning: the include\/exclude globs left out all 1 candidate files: nothing was analysed/);
      writeFileSync(join(dir, '.iac-hints.yaml'), 'include: ["cloudformation/**"]\n');
      const fine = runCli(['scan', '.', '--fail-on', 'none'], { cwd: dir });
      assert.doesNotMatch(fine.stderr, /left out/);
      assert.match(runCli(['scan', '.', '--fail-on', 'none', '--skip-path', 'cloudformation/**'], { cwd: dir }).stderr, /globs and --skip-path left out all 1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
