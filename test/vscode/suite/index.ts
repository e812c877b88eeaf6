// Entry point that the extension host loads (extensionTestsPath): runs every *.test.js here.
// With IAC_HINTS_TEST_RESULT set (run-in-code-server.mjs), also writes the outcome there as JSON,
// because a browser-hosted workbench shows the reporter's output only in the browser console.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 60_000 });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const outcomes: { title: string; ok: boolean; error?: string }[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultFile = process.env.IAC_HINTS_TEST_RESULT;
      if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ failures, outcomes }, null, 2));
      if (failures > 0) reject(new Error(`${failures} VS Code test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => outcomes.push({ title: test.fullTitle(), ok: true }));
    runner.on('fail', (test, error: Error) => outcomes.push({ title: test.fullTitle(), ok: false, error: error.message }));
  });
}
