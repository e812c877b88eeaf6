// SARIF 2.1.0 output of `iac-hints scan --format sarif`, for code-scanning dashboards (GitHub, Azure DevOps).
import { TOOL_NAME, TOOL_VERSION, getItemLabel, listRules } from '../analysis';
import type { Severity } from '../analysis';
import type { ScannedFile } from './scan';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function toSarifReport(files: readonly ScannedFile[]): unknown {
  const rules = listRules();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = files.flatMap((file) => (file.analysis?.findings ?? []).map((finding) => {
    const { start, end } = file.analysis!.lineIndex.rangeOf(finding.range);
    return {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: file.path },
          // SARIF lines and columns are 1-based.
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
        logicalLocations: [{ name: finding.resource.id, kind: 'resource', fullyQualifiedName: `${finding.resource.type}/${finding.resource.id}` }],
      }],
      properties: { responsibility: finding.responsibility, resourceType: finding.resource.type },
    };
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME,
          version: TOOL_VERSION,
          informationUri: 'https://github.com/iac-hints/iac-responsibility-hints',
          rules: rules.map((rule) => ({
            id: rule.id,
            name: rule.id,
            shortDescription: { text: rule.title },
            fullDescription: { text: rule.rationale || rule.title },
            helpUri: rule.docsUrl,
            defaultConfiguration: { level: LEVEL[rule.severity] },
            properties: {
              tags: ['security', `responsibility:${rule.item}`, getItemLabel(rule.item)],
              references: rule.references,
            },
          })),
        },
      },
      results,
      // The duties that could not be judged, with the reason: not alerts (nothing was found), but a reviewer must
      // know they were not checked. SARIF keeps such data in a property bag.
      properties: {
        cannotBeChecked: files.flatMap((file) => (file.analysis?.resources ?? []).flatMap((resource) => resource.responsibilities
          .filter((status) => status.status === 'cannot-be-checked')
          .map((status) => ({ file: file.path, resource: resource.id, type: resource.type, responsibility: status.item, ruleIds: [...status.ruleIds], message: status.detail })))),
      },
    }],
  };
}
