// The rule pages shipped with the server (docs/rules/<rule-id>.md under the package root: the extension's folder,
// or the repository when the server runs from it). The core names a page relative to that root; diagnostics'
// codeDescription.href and hover links need an absolute URI, so the server makes a file URI of the page on disk:
// it opens offline in any editor. The VS Code client turns these into a command that opens a markdown preview.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The nearest folder at or above `start` holding package.json (dist/server.js: the folder above dist). */
function packageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return dirname(start);
  }
}

let root: string | undefined;

/** The package root the rule pages are under, found once. */
export function ruleDocsRoot(): string {
  root ??= packageRoot(__dirname);
  return root;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * An absolute URI for a page the core names relative to the package root (`docs/rules/sg-open-admin-ports.md` ->
 * `file:///.../docs/rules/sg-open-admin-ports.md`); an absolute URI is returned as it is.
 */
export function ruleDocsHref(docsUrl: string): string {
  if (SCHEME.test(docsUrl)) return docsUrl;
  let href = hrefs.get(docsUrl);
  if (href === undefined) {
    href = pathToFileURL(join(ruleDocsRoot(), ...docsUrl.split('/'))).toString();
    hrefs.set(docsUrl, href);
  }
  return href;
}

/** One per rule page: every diagnostic of a rule links to the same URI. */
const hrefs = new Map<string, string>();

/** Markdown links to rule pages written relative to the package root (`](docs/rules/x.md)`) made absolute. */
export function resolveRuleDocsLinks(markdown: string): string {
  return markdown.replace(/\]\((docs\/rules\/[a-z0-9-]+\.md)\)/g, (_, relative: string) => `](${ruleDocsHref(relative)})`);
}
