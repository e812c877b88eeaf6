// Every web address the package holds leads somewhere: the bundles (dist), package.json, the README, docs/ (the rule
// pages included), the schemas and grammars, and every rule's docsUrl and references. A relative link must name a
// file of the repository; an absolute one must be on the list below, each checked by hand to be a real public page,
// or an identifier that is not a page (S3's ACL group URIs, the reserved example.com). No network at test time.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { listRules } from '../../server/src/analysis';
import { REPO_ROOT } from '../helpers/paths';

/** Real public pages, each opened and read when it was added (fragment and query kept as written). */
const VERIFIED: ReadonlyMap<string, string> = new Map([
  ['https://marketplace.visualstudio.com/items?itemName=redhat.vscode-yaml', 'README: the YAML extension (Red Hat) that reads yamlValidation'],
  ['http://json-schema.org/draft-07/schema#', 'schemas/iac-hints.schema.json $schema: the JSON Schema draft-07 meta-schema'],
  ['https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json', 'syntaxes/*.json $schema: the TextMate grammar schema VS Code grammars name'],
  ['https://json.schemastore.org/sarif-2.1.0.json', 'SARIF $schema (cli/sarif.ts): the SARIF 2.1.0 schema on SchemaStore'],
  ['https://github.com/Microsoft/vscode/issues/58649', 'a comment of vscode-languageclient (protocolConverter.js) in the development bundle'],
  ['https://neovim.io/doc/user/lsp.html', 'README, Other editors: Neovim\'s LSP client (vim.lsp.config, vim.lsp.start)'],
  ['https://docs.helix-editor.com/languages.html', 'README, Other editors: Helix\'s languages.toml (language-server, config)'],
]);

/** Addresses that are identifiers, not pages: written in templates and rule examples, never opened. */
const IDENTIFIERS: readonly RegExp[] = [
  /^http:\/\/acs\.amazonaws\.com\/groups\/(global\/(AllUsers|AuthenticatedUsers)|s3\/LogDelivery)$/, // S3 ACL grantee URIs
  /^https?:\/\/([a-z0-9-]+\.)*example\.com(\/|$)/, // RFC 2606: reserved for documentation
];

const URL_PATTERN = /\b(?:https?|ftp):\/\/[^\s"'`<>()[\]{}\\]+/g;

function filesUnder(folder: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path, keep) : keep(name) ? [path] : [];
  });
}

/** The files the package is made of, or documents it (dist as `npm test` builds it). */
function packageFiles(): string[] {
  const dist = ['extension.js', 'server.js', 'worker.js', 'scanWorker.js', 'cli.js', 'cli-bundle.js'].map((name) => join(REPO_ROOT, 'dist', name));
  for (const file of dist) assert.ok(existsSync(file), `${file} is missing: run npm run build`);
  return [
    ...dist,
    ...['package.json', 'README.md', 'LICENSE', 'ARCHITECTURE.md', 'BENCHMARKS.md'].map((name) => join(REPO_ROOT, name)),
    ...filesUnder(join(REPO_ROOT, 'docs'), (name) => /\.(md|ya?ml|json)$/.test(name)),
    ...filesUnder(join(REPO_ROOT, 'schemas'), (name) => name.endsWith('.json')),
    ...filesUnder(join(REPO_ROOT, 'syntaxes'), (name) => name.endsWith('.json')),
  ];
}

function urlsIn(text: string): string[] {
  return [...text.matchAll(URL_PATTERN)].map((match) => match[0].replace(/[.,;:!?*_]+$/, ''));
}

function judge(url: string): string | undefined {
  if (VERIFIED.has(url)) return undefined;
  if (IDENTIFIERS.some((pattern) => pattern.test(url))) return undefined;
  return 'neither a verified public page nor a known identifier';
}

describe('every address in the package leads somewhere', () => {
  test('absolute URLs are verified public pages or identifiers', () => {
    const bad: string[] = [];
    let seen = 0;
    for (const file of packageFiles()) {
      for (const url of urlsIn(readFileSync(file, 'utf8'))) {
        seen++;
        const why = judge(url);
        if (why) bad.push(`${relative(REPO_ROOT, file)}: ${url} (${why})`);
      }
    }
    assert.ok(seen > 0, 'some URL was found (the scan works)');
    assert.deepEqual(bad, []);
  });

  test("the rules' docsUrl names a page of the repository, and their references hold no address", () => {
    for (const rule of listRules()) {
      assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(rule.docsUrl), `${rule.id}: ${rule.docsUrl} is relative to the package root`);
      assert.ok(existsSync(join(REPO_ROOT, rule.docsUrl)), `${rule.id}: ${rule.docsUrl} exists`);
      for (const url of urlsIn(JSON.stringify(rule.references))) assert.equal(judge(url), undefined, `${rule.id}: ${url}`);
    }
  });

  test('relative markdown links name files of the repository', () => {
    const broken: string[] = [];
    const markdown = packageFiles().filter((file) => file.endsWith('.md'));
    assert.ok(markdown.some((file) => file.includes(join('docs', 'rules', ''))), 'the rule pages are scanned');
    for (const file of markdown) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = match[1];
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
        const path = join(dirname(file), decodeURIComponent(target.replace(/#.*$/, '')));
        if (!existsSync(path)) broken.push(`${relative(REPO_ROOT, file)}: ${target}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  test('a URL that is neither verified nor an identifier is caught', () => {
    assert.equal(judge('https://github.com/iac-hints/iac-responsibility-hints/blob/main/docs/rules.md#x'), 'neither a verified public page nor a known identifier');
    assert.equal(judge('https://api.example.com/v1'), undefined);
    assert.deepEqual(urlsIn('see https://docs.aws.amazon.com/a.html. and (http://x.org/y)'), ['https://docs.aws.amazon.com/a.html', 'http://x.org/y']);
  });
});
