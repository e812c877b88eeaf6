// Runs the bundled CLI (dist/cli.js) as a user would, capturing its output and exit code.
import { spawnSync } from 'node:child_process';
import { CLI_JS, REPO_ROOT } from './paths';

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `input` is written to the CLI's standard input (`iac-hints scan -`). */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [CLI_JS, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    ...(options.input !== undefined ? { input: options.input } : {}),
    timeout: 60_000,
    // The JSON report of a large template is megabytes (the default, 1 MB, would cut it off).
    maxBuffer: 512 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
