// The shared CI cases (../shared/cases/ci/, copied to test/fixtures/cases/ci/), each with the outcome its top
// comment states.
import assert from 'node:assert/strict';
import { join, parse, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { runCli } from '../helpers/cli';
import { REPO_ROOT } from '../helpers/paths';
import type { SarifLog } from '../helpers/sarif';

const CASES = join(REPO_ROOT, 'test', 'fixtures', 'cases', 'ci');

describe('parse-error-exit-code-and-sarif', () => {
  const cwd = join(CASES, 'parse-error-exit-code-and-sarif');

  test('`iac-hints scan .` exits 1: both files fail to parse, each problem labelled "error parse", the summary never says "0 errors"', () => {
    const result = runCli(['scan', '.'], { cwd });
    assert.equal(result.status, 1, result.stdout);
    assert.match(result.stdout, /^broken\.tf:\d+:\d+ error parse /m);
    assert.match(result.stdout, /^broken\.yaml:\d+:\d+ error parse /m);
    const summary = result.stdout.trimEnd().split('\n').at(-1) ?? '';
    assert.doesNotMatch(summary, /\b0 errors\b/);
    assert.match(summary, /2 parse errors/);
    // The findings alone are warnings and information: the exit code comes from the parse errors.
    const report = JSON.parse(runCli(['scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd }).stdout) as { findings: { severity: string }[] };
    assert.ok(report.findings.length > 0 && report.findings.every((finding) => finding.severity !== 'error'));
  });

  test('configured otherwise, parse errors are reported without failing the scan', () => {
    assert.equal(runCli(['scan', '.', '--parse-errors', 'report'], { cwd }).status, 0);
    assert.equal(runCli(['scan', '.', '--fail-on', 'none'], { cwd }).status, 0);
    assert.equal(runCli(['scan', '.', '--parse-errors', 'sometimes'], { cwd }).status, 2);
  });

  test('`--format sarif` carries the two parse problems as tool execution notifications at their place', () => {
    const result = runCli(['scan', '.', '--format', 'sarif'], { cwd });
    assert.equal(result.status, 1);
    const log = JSON.parse(result.stdout) as SarifLog;
    const [invocation] = log.runs[0].invocations ?? [];
    assert.ok(invocation, 'an invocation');
    const errors = (invocation.toolExecutionNotifications ?? []).filter((notification) => notification.level === 'error');
    assert.equal(errors.length, 2, JSON.stringify(invocation.toolExecutionNotifications));
    const places = errors.map((notification) => {
      assert.equal(notification.descriptor?.id, 'parse-error');
      const location = notification.locations?.[0];
      assert.ok(location?.physicalLocation.region, 'with a region');
      const base = log.runs[0].originalUriBaseIds?.[location.physicalLocation.artifactLocation.uriBaseId ?? '']?.uri ?? '';
      return fileURLToPath(new URL(location.physicalLocation.artifactLocation.uri, base));
    });
    assert.deepEqual(places.sort(), [resolve(cwd, 'broken.tf'), resolve(cwd, 'broken.yaml')]);
    assert.match(errors.map((notification) => notification.message.text).join('\n'), /Missing "}"/);
  });
});

describe('sarif-uri-outside-cwd', () => {
  const template = join(CASES, 'sarif-uri-outside-cwd', 'template.yaml');

  test('run from a sibling folder or from / with an absolute path, URIs are relative to a declared %SRCROOT%', () => {
    for (const [cwd, target] of [[join(CASES, 'parse-error-exit-code-and-sarif'), '../sarif-uri-outside-cwd'], [parse(REPO_ROOT).root, join(CASES, 'sarif-uri-outside-cwd')]]) {
      const result = runCli(['scan', target, '--format', 'sarif', '--fail-on', 'none'], { cwd });
      assert.equal(result.status, 0, result.stderr);
      const log = JSON.parse(result.stdout) as SarifLog;
      const base = log.runs[0].originalUriBaseIds?.['%SRCROOT%']?.uri;
      assert.ok(base, 'the run declares %SRCROOT%');
      assert.ok(log.runs[0].results.length > 0);
      for (const result of log.runs[0].results) {
        const { uri, uriBaseId } = result.locations[0].physicalLocation.artifactLocation;
        assert.equal(uriBaseId, '%SRCROOT%');
        assert.ok(!uri.startsWith('../') && !uri.startsWith('/'), `${uri} does not climb out of its base`);
        assert.equal(fileURLToPath(new URL(uri, base)), template, `from ${cwd}`);
      }
    }
  });
});
