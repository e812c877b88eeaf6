// tsconfig uses moduleResolution "node", which ignores package.json "exports", so the
// `vscode-languageclient/node` subpath is declared here; esbuild resolves it through "exports".
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
