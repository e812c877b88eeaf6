// The extension's manifest (package.json) as VS Code reads it: JSON.parse keeps the last of two equal keys, so a
// second `contributes.commands` (left by a merge) silently drops every command of the first from the Command Palette.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseTree, type Node } from 'jsonc-parser';
import { REPO_ROOT } from '../helpers/paths';

const MANIFEST_TEXT = readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');

function duplicateKeys(node: Node | undefined, at: string, found: string[]): string[] {
  if (!node) return found;
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = String(property.children?.[0]?.value);
      if (seen.has(key)) found.push(`${at}.${key}`);
      seen.add(key);
      duplicateKeys(property.children?.[1], `${at}.${key}`, found);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, index) => duplicateKeys(child, `${at}[${index}]`, found));
  }
  return found;
}

test('package.json has no key twice in one object', () => {
  assert.deepEqual(duplicateKeys(parseTree(MANIFEST_TEXT), '$', []), []);
});

test('every command the client registers is contributed (so it is in the Command Palette), and only those', () => {
  const manifest = JSON.parse(MANIFEST_TEXT) as { contributes: { commands: { command: string; title: string; category: string }[] } };
  const contributed = manifest.contributes.commands.map((command) => command.command).sort();
  const clientDir = join(REPO_ROOT, 'client', 'src');
  const registered = new Set<string>();
  for (const file of readdirSync(clientDir).filter((name) => name.endsWith('.ts'))) {
    const text = readFileSync(join(clientDir, file), 'utf8');
    // The command ids are exported constants (`export const SHOW_OUTPUT = 'iacHints.showOutput'`).
    for (const match of text.matchAll(/export const [A-Z_]+ = '(iacHints\.[A-Za-z]+)'/g)) registered.add(match[1]!);
  }
  assert.deepEqual(contributed, [...registered].sort());
  assert.ok(contributed.includes('iacHints.showReport'), 'Show Shared Responsibility Report is a contributed command');
  for (const command of manifest.contributes.commands) assert.equal(command.category, 'IaC Hints', command.command);
});
