// lb-internal-scheme on a Network Load Balancer: AWS WAF does not attach to one, so the hint asks for TLS listeners
// and a TLS listener addresses it (YAML, HCL). The fixtures in test/fixtures/cases/rules/nlb-internet-facing/ say
// what should happen.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseCase } from '../support/examples';

const DIR = 'test/fixtures/cases/rules/nlb-internet-facing';
const RULE = 'lb-internal-scheme';

function analyse(name: string, text?: string): FileAnalysis {
  return analyseCase(DIR, name, text);
}

describe('nlb-internet-facing', () => {
  for (const [file, open, tls] of [['template.yaml', 'PublicNlb', 'TlsNlb'], ['main.tf', 'aws_lb.public', 'aws_lb.tls']]) {
    test(`${file}: an internet-facing NLB is asked for TLS, not WAF; one with a TLS listener is addressed`, () => {
      const findings = analyse(file).findings.filter((finding) => finding.ruleId === RULE);
      assert.deepEqual(findings.map((finding) => finding.resource.id), [open]);
      assert.match(findings[0].message, /terminate TLS on its listeners \(AWS WAF does not attach to a Network Load Balancer\)/);
      assert.doesNotMatch(findings[0].message, /put WAF/);
      const status = analyse(file).resources.find((resource) => resource.id === tls)?.responsibilities.find((responsibility) => responsibility.ruleIds.includes(RULE));
      assert.ok(status?.detail.includes('with a TLS listener'), status?.detail);
    });
  }

  test('variant: an application load balancer keeps the WAF and HTTPS hint', () => {
    const tf = readFileSync(`${DIR}/main.tf`, 'utf8').replace('load_balancer_type = "network"', 'load_balancer_type = "application"');
    const finding = analyse('main.tf', tf).findings.find((candidate) => candidate.ruleId === RULE && candidate.resource.id === 'aws_lb.public');
    assert.match(finding?.message ?? '', /put WAF and HTTPS in front of it/);
  });
});
