// `npm run docs:rules`: writes docs/rules/<rule-id>.md from the rule metadata and examples (rulePages.ts), and
// removes pages of rules that no longer exist. Run from the repository root.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulePages } from './rulePages';

const folder = join(process.cwd(), 'docs', 'rules');
mkdirSync(folder, { recursive: true });
const pages = rulePages();
for (const name of readdirSync(folder)) if (name.endsWith('.md') && !pages.has(name)) rmSync(join(folder, name));
for (const [name, text] of pages) writeFileSync(join(folder, name), text);
process.stdout.write(`wrote ${pages.size} rule pages to ${folder}\n`);
