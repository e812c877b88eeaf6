// The one description of the file formats we read: how files are recognised by name, how large a file may be,
// which folders a scan never enters. The CLI (cli/scan.ts), the language server (lsp/workspaceScan.ts, files.ts,
// the watched-files registration), the client's document selector and the analyzer all read it from here, so a
// new format is one more entry below (then its parser, model and readers; see ARCHITECTURE.md).
// Pure data and name checks on strings: no I/O. Whether a candidate's *text* is a template is decided later
// (cloudformation/detect.ts: cheap word check, then the parsed structure).

export type FormatId = 'cloudformation' | 'terraform';

export interface FileFormat {
  readonly id: FormatId;
  readonly label: string;
  /** File name endings (lower case, with the dot) that may hold this format; checked case-insensitively. */
  readonly extensions: readonly string[];
  /** Names that end like a candidate but never hold this format (package.json, serverless.yml, ...). */
  readonly neverNames?: RegExp;
  /** Paths that never hold it, whatever the name (GitHub workflows). */
  readonly neverPaths?: RegExp;
  /** Analysed with every file of its directory (a Terraform module), not alone. */
  readonly byDirectory: boolean;
}

export const CLOUDFORMATION: FileFormat = {
  id: 'cloudformation',
  label: 'CloudFormation template (YAML or JSON)',
  extensions: ['.yaml', '.yml', '.json', '.template', '.cfn'],
  neverNames: /(^|[\\/])(package(-lock)?\.json|tsconfig(\.[\w-]+)?\.json|jsconfig\.json|composer\.json|serverless\.ya?ml|docker-compose(\.[\w-]+)?\.ya?ml|compose\.ya?ml|\.eslintrc(\.json)?|pnpm-lock\.yaml|\.pre-commit-config\.yaml|mkdocs\.ya?ml|buildspec\.ya?ml|\.iac-hints\.ya?ml)$/i,
  neverPaths: /(^|[\\/])\.github[\\/]/,
  byDirectory: false,
};

/** Configuration files of a Terraform module. */
export const TERRAFORM_CONFIG_EXTENSIONS: readonly string[] = ['.tf', '.tf.json'];
/** Variable files (only terraform.tfvars(.json) and *.auto.tfvars(.json) are loaded by Terraform on its own). */
export const TERRAFORM_VARIABLES_EXTENSIONS: readonly string[] = ['.tfvars', '.tfvars.json'];

export const TERRAFORM: FileFormat = {
  id: 'terraform',
  label: 'Terraform (HCL or JSON) configuration and variables',
  extensions: [...TERRAFORM_CONFIG_EXTENSIONS, ...TERRAFORM_VARIABLES_EXTENSIONS],
  byDirectory: true,
};

/** Every format, in the order a path is matched (Terraform first: `main.tf.json` is not a JSON template). */
export const FORMATS: readonly FileFormat[] = [TERRAFORM, CLOUDFORMATION];

/** Files larger than this are neither read from disk nor analysed (skipped with a message). */
export const MAX_FILE_SIZE = 5 * 1024 * 1024;

/**
 * Folders a scan never enters (by name, at any depth): version control, dependencies, Terraform's provider and
 * module cache, and build outputs (cdk.out holds synthesised copies of CDK templates).
 */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules', '.terraform', 'cdk.out', 'dist', 'out']);

function endsWithAny(path: string, extensions: readonly string[]): boolean {
  const lower = path.toLowerCase();
  return extensions.some((extension) => lower.endsWith(extension));
}

/** The format a path may hold, judged by its name only (cheap), or undefined. */
export function formatOfPath(path: string): FileFormat | undefined {
  return FORMATS.find((format) => endsWithAny(path, format.extensions) && !format.neverNames?.test(path) && !format.neverPaths?.test(path));
}

/** Could this path hold something we analyse? (By name only.) */
export function isCandidatePath(path: string): boolean {
  return formatOfPath(path) !== undefined;
}

/** A Terraform file (configuration or variables): analysed with the other files of its directory. */
export function isTerraformPath(path: string): boolean {
  return endsWithAny(path, TERRAFORM.extensions);
}

/** A Terraform configuration file (.tf, .tf.json), as opposed to a variables file. */
export function isTerraformConfigPath(path: string): boolean {
  return endsWithAny(path, TERRAFORM_CONFIG_EXTENSIONS);
}

/**
 * Where `terraform init` lists the modules it installed, relative to the root module's folder (hashicorp/terraform
 * internal/modsdir/paths.go). Never scanned (`.terraform` is skipped), but read when its root module is analysed.
 */
export const TERRAFORM_MODULES_MANIFEST = '.terraform/modules/modules.json';

/** Is this path a root module's `.terraform/modules/modules.json`? */
export function isModulesManifestPath(path: string): boolean {
  return /(^|[\\/])\.terraform[\\/]modules[\\/]modules\.json$/.test(path);
}

/** Is this path inside a `.terraform` folder: Terraform's installed copies of modules, not the user's code? */
export function isInstalledPath(path: string): boolean {
  return /(^|[\\/])\.terraform([\\/]|$)/.test(path);
}

export function isSkippedDirectory(name: string): boolean {
  return SKIPPED_DIRECTORIES.has(name);
}

/**
 * A glob for every candidate name (`**\/*.{tf,json,...}`: the last part of each ending), for file watchers and
 * document selectors. It may match more than formatOfPath accepts (package.json): the name check comes after.
 */
export function candidateGlob(): string {
  const endings = FORMATS.flatMap((format) => format.extensions.map((extension) => extension.slice(extension.lastIndexOf('.') + 1)));
  return `**/*.{${[...new Set(endings)].join(',')}}`;
}
