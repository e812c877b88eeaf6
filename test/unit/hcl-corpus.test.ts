// Every Terraform file of the shared corpus parses with no error-severity problem. The corpus lives outside the
// project and is read in place; if it is missing the test says so in one line (and fails in CI, see sharedPresent).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseHcl, parseTerraformJson } from '../../server/src/analysis/terraform/hcl';
import { CORPUS_ROOT, sharedPresent } from '../helpers/paths';

const corpus = path.join(CORPUS_ROOT, 'terraform');

function collect(directory: string, out: string[]): string[] {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) collect(full, out);
    else if (/\.(tf|tfvars)(\.json)?$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe('HCL parser: Terraform corpus', () => {
  it('parses every .tf, .tf.json and .tfvars file with no error', (t) => {
    if (!sharedPresent(t, corpus)) return;
    const files = collect(corpus, []);
    assert.ok(files.length >= 100, `expected a real corpus, found ${files.length} files`);
    let blocks = 0;
    const failures: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      const parsed = file.endsWith('.json')
        ? parseTerraformJson(source, { variablesFile: file.endsWith('.tfvars.json') })
        : parseHcl(source);
      blocks += parsed.body.blocks.length;
      for (const problem of parsed.problems.filter((p) => p.severity === 'error')) {
        failures.push(`${path.relative(corpus, file)}@${problem.range.start}: ${problem.message}`);
      }
    }
    assert.deepEqual(failures.slice(0, 20), []);
    assert.ok(blocks > files.length, 'blocks were read');
  });
});
