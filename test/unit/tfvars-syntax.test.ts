// A variables file Terraform does not load on its own (a.tfvars, used with -var-file) sets no value in the module,
// but its syntax is checked as terraform.tfvars's is: a broken one is an error at its place, in the editor and CI.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer } from '../../server/src/analysis';
import { memoryView } from '../helpers/fileSystemView';

const FILES = {
  'main.tf': 'variable "a" {\n  default = 1\n}\n',
  'prod.tfvars': 'a = [\n',
  'ok.tfvars': 'a = 2\n',
};

describe('a variables file not loaded on its own', () => {
  test('its syntax errors are reported at their place; a valid one has none and sets nothing', () => {
    const analyzer = new Analyzer({ files: memoryView(FILES, '/m') });
    const broken = analyzer.analyze({ path: '/m/prod.tfvars', text: FILES['prod.tfvars'] });
    assert.deepEqual(broken.problems.map((problem) => [problem.severity, problem.range.start]), [['error', 4]]);
    assert.match(broken.problems[0].message, /Missing "\]"/);
    assert.deepEqual(analyzer.analyze({ path: '/m/ok.tfvars', text: FILES['ok.tfvars'] }).problems, []);
    assert.deepEqual(analyzer.analyze({ path: '/m/main.tf', text: FILES['main.tf'] }).problems, []);
  });
});
