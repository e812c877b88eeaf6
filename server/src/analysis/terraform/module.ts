// A Terraform module is a directory: every .tf / .tf.json file of it, its tfvars, and the local modules it
// calls. This builds that model (resources with addresses, variables, locals, providers, module calls).
import { isTerraformConfigPath } from '../formats';
import { basename } from '../paths';
import type { MapNode, OffsetRange, Problem, ValueNode } from '../types';
import { literalValue, parseHcl, parseTerraformJson } from './hcl';
import type { HclBlock, HclExpression, HclFile } from './hcl';
import { bodyToMap } from './values';

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export interface TfFile {
  readonly path: string;
  readonly text: string;
  readonly syntax: 'hcl' | 'json';
  readonly parsed: HclFile;
}

export interface TfResource {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** `aws_s3_bucket.logs`, `data.aws_iam_policy_document.p`, prefixed `module.x.` inside a called module. */
  readonly address: string;
  readonly file: string;
  readonly block: HclBlock;
  readonly body: MapNode;
  /** Where findings about the resource as a whole are reported: its name label. */
  readonly anchor: OffsetRange;
  readonly count: HclExpression | undefined;
  readonly forEach: HclExpression | undefined;
  /** `provider = aws.west` */
  readonly provider: string | undefined;
}

export interface TfVariable {
  readonly name: string;
  readonly file: string;
  readonly nameRange: OffsetRange;
  readonly defaultValue: HclExpression | undefined;
  /** The `type` constraint as written (undefined when none: any type). */
  readonly typeExpression?: HclExpression;
}

/** A value given to a variable from outside its declaration: tfvars, or the calling module's input. */
export interface VariableValue {
  readonly node: ValueNode;
  /** Provenance, e.g. "terraform.tfvars" or "module.storage input". */
  readonly source: string;
  /** Resolves `node` when it came from another module (its expressions belong to the caller). */
  readonly resolveIn?: 'caller';
}

export interface TfProvider {
  readonly name: string;
  readonly alias: string | undefined;
  readonly region: HclExpression | undefined;
  readonly file: string;
  readonly range: OffsetRange;
}

export interface TfModuleCall {
  readonly name: string;
  readonly source: string | undefined;
  readonly block: HclBlock;
  readonly file: string;
}

export interface TfModule {
  readonly dir: string;
  /** Prefix of addresses (`module.storage.`) when this module is called from another. */
  readonly addressPrefix: string;
  readonly files: readonly TfFile[];
  readonly resources: readonly TfResource[];
  readonly variables: ReadonlyMap<string, TfVariable>;
  readonly variableValues: ReadonlyMap<string, VariableValue>;
  readonly locals: ReadonlyMap<string, { readonly expression: HclExpression; readonly file: string }>;
  readonly providers: readonly TfProvider[];
  readonly moduleCalls: readonly TfModuleCall[];
  readonly problems: ReadonlyMap<string, readonly Problem[]>;
}

/** tfvars files Terraform loads on its own: terraform.tfvars(.json) and *.auto.tfvars(.json). */
export function isAutoVariablesFile(path: string): boolean {
  return /^(terraform\.tfvars(\.json)?|.*\.auto\.tfvars(\.json)?)$/i.test(basename(path));
}

/** The problems of a variable file given explicitly (`-var-file`): the host reports them, as Terraform refuses such a file. */
export function variableFileProblems(path: string, text: string): readonly Problem[] {
  return parseTerraformFile(path, text).parsed.problems;
}

/** How many labels Terraform requires on a top-level block, and what they are (hashicorp/terraform configs/parser_config.go). */
const BLOCK_LABELS: Readonly<Record<string, readonly string[]>> = {
  resource: ['type', 'name'], data: ['type', 'name'], variable: ['name'], output: ['name'], module: ['name'], provider: ['name'],
  locals: [], terraform: [],
};

/** The error Terraform gives a top-level block with too few or too many labels, which it rejects; undefined when right. */
function labelProblem(block: HclBlock): Problem | undefined {
  const expected = BLOCK_LABELS[block.type];
  if (!expected || block.labels.length === expected.length) return undefined;
  const end = block.labels[block.labels.length - 1]?.range.end ?? block.typeRange.end;
  const wanted = expected.length === 0 ? 'no labels' : `${expected.length} label${expected.length > 1 ? 's' : ''} (${expected.join(', ')})`;
  const what = block.labels.length < expected.length
    ? `Missing ${expected[block.labels.length]} for ${block.type}`
    : `Extraneous label for ${block.type}`;
  return {
    message: `${what}: a "${block.type}" block takes ${wanted} and this one has ${block.labels.length}, so Terraform rejects the file.`,
    range: { start: block.typeRange.start, end },
    severity: 'error',
  };
}

export function parseTerraformFile(path: string, text: string): TfFile {
  const json = /\.json$/i.test(path);
  const parsed = json ? parseTerraformJson(text, { variablesFile: /\.tfvars\.json$/i.test(path) }) : parseHcl(text);
  return { path, text, syntax: json ? 'json' : 'hcl', parsed };
}

/**
 * The module a directory's parsed files make. `inputs` are the values a caller passes (they win over tfvars and
 * defaults); `addressPrefix` names the call path (`module.storage.`). `installedCall(name, source)` describes where
 * `terraform init` installed a non-local call's code (e.g. `.terraform/modules/s3, version 4.1.0`), or gives
 * undefined when it did not: such a call is then said to be outside the analysis. `variableFiles` are a root module's
 * explicit `-var-file`s, applied in order after its own tfvars (their problems are the host's to report).
 */
export function buildModule(
  dir: string,
  files: readonly TfFile[],
  inputs: ReadonlyMap<string, VariableValue> = new Map(),
  addressPrefix = '',
  installedCall: (name: string, source: string) => string | undefined = () => undefined,
  variableFiles: readonly TfFile[] = [],
): TfModule {
  const resources: TfResource[] = [];
  const variables = new Map<string, TfVariable>();
  const locals = new Map<string, { expression: HclExpression; file: string }>();
  const providers: TfProvider[] = [];
  const moduleCalls: TfModuleCall[] = [];
  const problems = new Map<string, Problem[]>();
  const variableValues = new Map<string, VariableValue>();

  // Declaration files first; tfvars in Terraform's order (terraform.tfvars, then *.auto.tfvars by name).
  const configs = files.filter((file) => isTerraformConfigPath(file.path));
  const tfvars = files.filter((file) => isAutoVariablesFile(file.path))
    .sort((a, b) => rankVars(a.path) - rankVars(b.path) || basename(a.path).localeCompare(basename(b.path)));

  for (const file of configs) {
    problems.set(file.path, [...file.parsed.problems]);
    for (const block of file.parsed.body.blocks) {
      const labels = block.labels.map((label) => label.value);
      const wrongLabels = labelProblem(block);
      if (wrongLabels) problems.get(file.path)?.push(wrongLabels);
      switch (block.type) {
        case 'resource':
        case 'data': {
          if (labels.length < 2) break;
          const [type, name] = labels;
          const mode = block.type === 'resource' ? 'managed' : 'data';
          const attribute = (key: string) => block.body.attributes.find((candidate) => candidate.name === key)?.expression;
          const providerExpression = attribute('provider');
          resources.push({
            mode,
            type,
            name,
            address: `${addressPrefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`,
            file: file.path,
            block,
            body: bodyToMap(block.body, block.range),
            anchor: block.labels[1].range,
            count: attribute('count'),
            forEach: attribute('for_each'),
            provider: providerExpression?.kind === 'traversal'
              ? [providerExpression.root, ...providerExpression.steps.map((step) => (step.kind === 'attr' ? step.name : ''))].filter(Boolean).join('.')
              : undefined,
          });
          break;
        }
        case 'variable': {
          if (labels.length < 1) break;
          const defaultValue = block.body.attributes.find((candidate) => candidate.name === 'default')?.expression;
          const typeExpression = block.body.attributes.find((candidate) => candidate.name === 'type')?.expression;
          variables.set(labels[0], { name: labels[0], file: file.path, nameRange: block.labels[0].range, defaultValue, ...(typeExpression ? { typeExpression } : {}) });
          break;
        }
        case 'locals':
          for (const attribute of block.body.attributes) locals.set(attribute.name, { expression: attribute.expression, file: file.path });
          break;
        case 'provider': {
          const attribute = (key: string) => block.body.attributes.find((candidate) => candidate.name === key)?.expression;
          const alias = attribute('alias');
          const aliasValue = alias ? literalValue(alias) : undefined;
          providers.push({
            name: labels[0] ?? '',
            alias: typeof aliasValue === 'string' ? aliasValue : undefined,
            region: attribute('region'),
            file: file.path,
            range: block.typeRange,
          });
          break;
        }
        case 'module': {
          const source = block.body.attributes.find((candidate) => candidate.name === 'source')?.expression;
          const sourceValue = source ? literalValue(source) : undefined;
          moduleCalls.push({ name: labels[0] ?? '', source: typeof sourceValue === 'string' ? sourceValue : undefined, block, file: file.path });
          const installed = typeof sourceValue === 'string' && !isLocalSource(sourceValue) ? installedCall(labels[0] ?? '', sourceValue) : undefined;
          if (source && installed) {
            problems.get(file.path)?.push({
              message: `module "${labels[0] ?? ''}": "${String(sourceValue)}" is analysed from the copy terraform init installed (${installed}).`,
              range: source.range,
              severity: 'info',
            });
          } else if (source && !isLocalSource(typeof sourceValue === 'string' ? sourceValue : undefined)) {
            // Remote modules are never fetched or guessed: say that their resources are outside the analysis.
            problems.get(file.path)?.push({
              message: `module "${labels[0] ?? ''}": ${typeof sourceValue === 'string' ? `"${sourceValue}"` : 'its source'} is not a local path, so the resources it creates are not analysed.`,
              range: source.range,
              severity: 'info',
            });
          }
          break;
        }
        default:
          break;
      }
    }
  }
  for (const file of tfvars) {
    problems.set(file.path, [...file.parsed.problems]);
    for (const attribute of file.parsed.body.attributes) {
      variableValues.set(attribute.name, { node: bodyValue(attribute.expression), source: basename(file.path) });
    }
  }
  // Another variables file (a.tfvars, loaded only with -var-file) sets nothing here, but its syntax is still checked.
  for (const file of files) if (!problems.has(file.path)) problems.set(file.path, [...file.parsed.problems]);
  for (const file of variableFiles) {
    for (const attribute of file.parsed.body.attributes) {
      variableValues.set(attribute.name, { node: bodyValue(attribute.expression), source: basename(file.path) });
    }
  }
  for (const [name, value] of inputs) variableValues.set(name, value);
  return { dir, addressPrefix, files, resources, variables, variableValues, locals, providers, moduleCalls, problems };
}

function rankVars(path: string): number {
  return /^terraform\.tfvars/i.test(basename(path)) ? 0 : 1;
}

function bodyValue(expression: HclExpression): ValueNode {
  return { kind: 'expression', expression, range: expression.range };
}

/** Local module sources (`./x`, `../x`); registry and remote sources are not followed. */
export function isLocalSource(source: string | undefined): source is string {
  return source !== undefined && (source.startsWith('./') || source.startsWith('../'));
}
