// SARIF 2.1.0 output of `iac-hints scan --format sarif`, for code scanning (GitHub, Azure DevOps). Checked by
// test/cli/sarif.test.ts with the SARIF Multitool's SARIF and GitHub rules (`validate --rule-kind "Gh;Sarif"`).
//
// - Rules carry a `name` distinct from the id, descriptions, `help` (text and Markdown: why the duty is the
//   customer's, what AWS does by default, how to fix), tags and GitHub's `security-severity` (SECURITY_SEVERITY).
// - Artifact URIs are relative to %SRCROOT% (the Git working tree of the scanned files; see sourceRoot.ts), declared
//   in `originalUriBaseIds`, whatever the working directory.
// - Results carry `partialFingerprints` that survive unrelated edits (fingerprint.ts); suppressed findings are
//   results with `suppressions` (kind inSource, the reason as justification); with --baseline, `baselineState`.
// - Parse problems, and files that could not be read, are tool execution notifications of the invocation.
import { LineIndex, TOOL_NAME, TOOL_VERSION, getItem, getItemLabel, getSetting, listRules } from '../analysis';
import type { Finding, OffsetRange, Problem, RuleInfo, Severity } from '../analysis';
import { FINGERPRINT_KEY } from './fingerprint';
import type { TextOf } from './report';
import type { ScannedFile } from './scan';
import { folderUri, rootRelativeUri } from './sourceRoot';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * GitHub's `security-severity` (a number as a string: critical >= 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9)
 * from our severity: error (a duty missed in a way that exposes data or access) is high, warning medium, info
 * (depends on the deployment, or advice) low. None is critical: a template says what may be deployed, not what is.
 */
export const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0' };

/**
 * The repository's public address for rule help links (`helpUri`, docs/rules.md#<rule-id>) and `informationUri`.
 * The address in package.json has not been published (the repository has no public remote yet), so no link is
 * written rather than one that leads nowhere; set it when the repository is public.
 */
const PUBLIC_REPOSITORY_URL: string | undefined = undefined;

export const SOURCE_ROOT_ID = '%SRCROOT%';

export interface SarifOptions {
  /** Absolute folder every artifact URI is relative to (%SRCROOT%). */
  readonly root: string;
  /** Reads another file's text, to place a related location in it. */
  readonly textOf?: TextOf;
  /** Findings in the baseline; when given, every result says whether it is new or unchanged. */
  readonly baselined?: ReadonlySet<Finding>;
  /** The configuration file used (`.iac-hints.yaml`) and its problems: tool configuration notifications. */
  readonly config?: { readonly path: string; readonly lineIndex: LineIndex; readonly problems: readonly Problem[] };
}

/** A rule's `name`: its title in PascalCase ("EnableLoadBalancerAccessLogs"), never equal to the id. */
function pascalCase(text: string): string {
  return text.split(/[^A-Za-z0-9]+/).filter(Boolean).map((word) => word[0].toUpperCase() + word.slice(1)).join('');
}

function ruleNames(rules: readonly RuleInfo[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const rule of rules) counts.set(pascalCase(rule.title), (counts.get(pascalCase(rule.title)) ?? 0) + 1);
  // Two rules with one title (a SAM twin): the id tells them apart.
  return new Map(rules.map((rule) => [rule.id, (counts.get(pascalCase(rule.title)) ?? 0) > 1 ? `${pascalCase(rule.title)}${pascalCase(rule.id)}` : pascalCase(rule.title)]));
}

export interface Help {
  readonly text: string;
  readonly markdown: string;
}

/**
 * How to fix, from the knowledge base's settings of the rule: which property or argument, and its compliant value
 * or shape (the knowledge base's words; its Terraform entry may say "same", meaning as for CloudFormation).
 */
function fixSteps(rule: RuleInfo): { text: string; markdown: string }[] {
  const steps: { text: string; markdown: string }[] = [];
  for (const id of rule.settings ?? []) {
    const setting = getSetting(id);
    const cloudformation = setting?.cloudformation;
    if (cloudformation) {
      const { type, propertyPath, compliant } = cloudformation;
      steps.push({
        text: `CloudFormation, ${propertyPath} of ${type}: ${compliant}.`,
        markdown: `CloudFormation, \`${propertyPath}\` of \`${type}\`: ${compliant}.`,
      });
    }
    if (setting?.terraform) {
      const { type, argumentPath, splitResource } = setting.terraform;
      const compliant = cloudformation && /^same\b/i.test(setting.terraform.compliant)
        ? `${cloudformation.compliant}${setting.terraform.compliant.replace(/^same\b/i, '')}`
        : setting.terraform.compliant;
      const where = splitResource ? `a ${type} for the ${splitResource.type} (linked by ${splitResource.link})` : type;
      const whereMarkdown = splitResource ? `an \`${type}\` for the \`${splitResource.type}\` (linked by \`${splitResource.link}\`)` : `\`${type}\``;
      steps.push({
        text: `Terraform, ${argumentPath} in ${where}: ${compliant}.`,
        markdown: `Terraform, \`${argumentPath}\` in ${whereMarkdown}: ${compliant}.`,
      });
    }
  }
  return steps;
}

/** A rule's help (why it is the customer's duty, the AWS default, how to fix, peers, how to suppress): SARIF and the rule pages. */
export function ruleHelp(rule: RuleInfo): Help {
  const item = getItem(rule.item);
  const why = [rule.rationale, item && item.why !== rule.rationale ? item.why : ''].filter(Boolean).join(' ');
  const model = item ? ` (Shared Responsibility Model: ${item.modelWording}.)` : '';
  const awsDefault = rule.awsDefault
    ? `${rule.awsDefault.summary}${rule.awsDefault.since ? ` (since ${rule.awsDefault.since})` : ''}`
    : 'Nothing that covers this duty.';
  const steps = fixSteps(rule);
  const generic = 'Change the setting the finding names; its message gives the value found and where it comes from (a parameter default, a variable, a condition).';
  const fixText = steps.length > 0 ? steps.map((step) => step.text).join(' ') : generic;
  const quickFix = rule.hasFix ? ' In VS Code, the light bulb on the finding offers a quick fix.' : '';
  const references = (['fsbp', 'checkov', 'trivy', 'cfnNag'] as const)
    .filter((tool) => rule.references[tool].length > 0)
    .map((tool) => `${tool === 'fsbp' ? 'AWS FSBP' : tool === 'cfnNag' ? 'cfn_nag' : tool} ${rule.references[tool].join(', ')}`)
    .join('; ');
  const suppress = `# iac-hints-ignore ${rule.id}: <reason>`;
  const text = [
    `${rule.title} (${getItemLabel(rule.item)}).`,
    `Why this is your duty: ${why}${model}`,
    `What AWS does by default: ${awsDefault}`,
    `How to fix: ${fixText}${quickFix}`,
    ...(references ? [`Equivalent checks: ${references}.`] : []),
    `To accept the risk, suppress it with a reason: a comment "${suppress}" above the resource (JSON templates: resource Metadata "iac-hints": {"ignore": {"${rule.id}": "<reason>"}}).`,
  ].join('\n\n');
  const markdown = [
    `**${rule.title}** (customer responsibility: ${getItemLabel(rule.item)})`,
    `**Why this is your duty.** ${why}${model}`,
    `**What AWS does by default.** ${awsDefault}`,
    `**How to fix.**${steps.length > 0 ? `\n\n${steps.map((step) => `- ${step.markdown}`).join('\n')}` : ` ${generic}`}${quickFix ? `\n\n${quickFix.trim()}` : ''}`,
    ...(references ? [`**Equivalent checks.** ${references}.`] : []),
    `**To accept the risk**, suppress the finding with a reason: \`${suppress}\` above the resource, or in a JSON template the resource's Metadata \`"iac-hints": {"ignore": {"${rule.id}": "<reason>"}}\`.`,
  ].join('\n\n');
  return { text, markdown };
}

function sarifRule(rule: RuleInfo, name: string): unknown {
  return {
    id: rule.id,
    name,
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.rationale} AWS default: ${rule.awsDefault ? rule.awsDefault.summary : 'none that covers this duty.'}` },
    help: ruleHelp(rule),
    ...(PUBLIC_REPOSITORY_URL ? { helpUri: `${PUBLIC_REPOSITORY_URL}/blob/main/docs/rules.md#${rule.id}` } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', rule.item, getItemLabel(rule.item)],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: 'high',
      responsibility: rule.item,
      references: rule.references,
    },
  };
}

/** The SARIF log of a scan. `root` is %SRCROOT%: every artifact URI is relative to it. */
export function toSarifReport(files: readonly ScannedFile[], options: SarifOptions): unknown {
  const rules = listRules();
  const names = ruleNames(rules);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const uriOf = (path: string) => rootRelativeUri(path, options.root);
  const indexes = new Map<string, LineIndex | undefined>();
  const lineIndexOf = (path: string, file: ScannedFile): LineIndex | undefined => {
    if (path === file.path) return file.analysis?.lineIndex;
    if (!indexes.has(path)) {
      const text = options.textOf?.(path);
      indexes.set(path, text === undefined ? undefined : new LineIndex(text));
    }
    return indexes.get(path);
  };
  const location = (path: string, lineIndex: LineIndex | undefined, range: OffsetRange | undefined) => {
    const region = lineIndex && range ? regionOf(lineIndex, range) : undefined;
    return { physicalLocation: { artifactLocation: { uri: uriOf(path), uriBaseId: SOURCE_ROOT_ID }, ...(region ? { region } : {}) } };
  };

  const result = (file: ScannedFile, finding: Finding, fingerprint: string | undefined, suppression?: { readonly reason: string; readonly tool?: string; readonly peerId?: string }) => ({
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{
      ...location(file.path, file.analysis?.lineIndex, finding.range),
      logicalLocations: [{ name: finding.resource.id, kind: 'resource', fullyQualifiedName: `${finding.resource.type}/${finding.resource.id}` }],
    }],
    ...(finding.related.length > 0
      ? { relatedLocations: finding.related.map((related, index) => ({ id: index + 1, ...location(related.file ?? file.path, lineIndexOf(related.file ?? file.path, file), related.range), message: { text: related.message } })) }
      : {}),
    ...(fingerprint ? { partialFingerprints: { [FINGERPRINT_KEY]: fingerprint } } : {}),
    ...(suppression
      ? { suppressions: [{ kind: 'inSource', ...(suppression.reason ? { justification: suppression.reason } : {}), ...(suppression.tool ? { properties: { tool: suppression.tool, ...(suppression.peerId ? { peerId: suppression.peerId } : {}) } } : {}) }] }
      : {}),
    ...(options.baselined && !suppression ? { baselineState: options.baselined.has(finding) ? 'unchanged' : 'new' } : {}),
    properties: { responsibility: finding.responsibility, resourceType: finding.resource.type },
  });

  const results = files.flatMap((file) => [
    ...(file.analysis?.findings ?? []).map((finding, index) => result(file, finding, file.fingerprints?.[index])),
    // Suppressions written for other tools (checkov, cfn_nag...) name the tool and its check id; ours do not.
    ...(file.analysis?.suppressed ?? []).map((entry, index) => result(file, entry.finding, file.suppressedFingerprints?.[index], entry)),
  ]);

  // What the scan could not read, so that code scanning shows a template that was not (fully) analysed.
  const notifications = files.flatMap((file) => {
    if (!file.analysis) {
      return file.skipReason && file.skipReason !== 'not a template file name'
        ? [{ level: 'warning', message: { text: `${file.path} was not analysed: ${file.skipReason}.` }, locations: [location(file.path, undefined, undefined)], descriptor: { id: 'file-not-analysed' } }]
        : [];
    }
    return file.analysis.problems.map((problem) => ({
      level: LEVEL[problem.severity],
      message: { text: problem.message },
      locations: [location(file.path, file.analysis?.lineIndex, problem.range)],
      descriptor: { id: problem.severity === 'error' ? 'parse-error' : 'input-problem' },
    }));
  });

  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME,
          version: TOOL_VERSION,
          semanticVersion: TOOL_VERSION,
          ...(PUBLIC_REPOSITORY_URL ? { informationUri: PUBLIC_REPOSITORY_URL } : {}),
          rules: rules.map((rule) => sarifRule(rule, names.get(rule.id) ?? pascalCase(rule.title))),
        },
      },
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: notifications,
        ...(options.config && options.config.problems.length > 0 ? {
          toolConfigurationNotifications: options.config.problems.map((problem) => ({
            level: LEVEL[problem.severity],
            message: { text: problem.message },
            locations: [location(options.config!.path, options.config!.lineIndex, problem.range)],
            descriptor: { id: 'configuration-problem' },
          })),
        } : {}),
      }],
      originalUriBaseIds: { [SOURCE_ROOT_ID]: { uri: folderUri(options.root) } },
      results,
      columnKind: 'utf16CodeUnits',
      // The duties that could not be judged, with the reason: not alerts (nothing was found), but a reviewer must
      // know they were not checked. SARIF keeps such data in a property bag.
      properties: {
        cannotBeChecked: files.flatMap((file) => (file.analysis?.resources ?? []).flatMap((resource) => resource.responsibilities
          .filter((status) => status.status === 'cannot-be-checked')
          .map((status) => ({ file: uriOf(file.path), resource: resource.id, type: resource.type, responsibility: status.item, ruleIds: [...status.ruleIds], message: status.detail })))),
      },
    }],
  };
}

/** A SARIF region: 1-based lines and columns (UTF-16 code units), the end column exclusive. */
function regionOf(lineIndex: LineIndex, range: OffsetRange): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const { start, end } = lineIndex.rangeOf(range);
  return { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}
