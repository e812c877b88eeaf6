// Downloads VS Code (needs the network; not possible on the project's CI machine) and runs the
// suite in its extension host against a throwaway copy of examples/, so quick fixes do not touch the repo.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../../..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-hints-vscode-'));
  fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.resolve(__dirname, 'suite', 'index'),
      extensionTestsEnv: { IAC_HINTS_TEST_WORKSPACE: workspace },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error('VS Code tests failed:', error);
  process.exit(1);
});
