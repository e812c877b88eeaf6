// The analysis worker (dist/worker.js), a worker thread of the language server: it analyses the documents and files
// too large to analyse on the server's thread (background.ts decides which), converts their diagnostics and
// serialises them, so the server only forwards bytes. It holds its own Analyzer (same core, same settings) over the
// same FileSystemView semantics: the disk, with the open buffers the server sends laid over it. One request at a
// time, answered in order (workerProtocol.ts).
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { isTerraformPath, reportPart } from '../analysis';
import type { Analyzer, FileAnalysis } from '../analysis';
import { codeActionsAt, diagnosticsOf, hoverAt } from './answers';
import { DEFAULT_SETTINGS, createAnalyzer, workerSettings } from './configuration';
import { OverlayFileSystemView } from './files';
import type { OpenBuffers } from './files';
import { diagnosticsHash } from './workerProtocol';
import type { AnalyzeRequest, AnalyzeResult, FromWorker, ToWorker } from './workerProtocol';

/** The server's open `file:` buffers, as last sent. */
class BufferCopies implements OpenBuffers {
  readonly texts = new Map<string, string>();

  all(): readonly { readonly uri: string; getText(): string }[] {
    return [...this.texts].map(([uri, text]) => ({ uri, getText: () => text }));
  }
}

const buffers = new BufferCopies();
const files = new OverlayFileSystemView(buffers);
let analyzer: Analyzer = createAnalyzer(files, workerSettings(DEFAULT_SETTINGS));
/** The open documents analysed here, by path: hovers and code actions are answered for this version only. */
const documents = new Map<string, { readonly version: number; readonly text: string }>();
/** The last analysis converted per path and its diagnostics' hash: the same analysis object is not converted again. */
const converted = new Map<string, { readonly analysis: FileAnalysis; readonly hash: string; readonly count: number }>();

function analyze(request: AnalyzeRequest & { readonly buffer: boolean }): { result: AnalyzeResult; transfer: ArrayBuffer[] } {
  const started = performance.now();
  const { path, text, uri } = request;
  if (request.buffer) buffers.texts.set(uri, text);
  if (request.version !== undefined) documents.set(path, { version: request.version, text });
  const analysis = analyzer.analyze({ path, text });
  const previous = converted.get(path);
  let hash: string;
  let count: number;
  let json: Uint8Array | undefined;
  if (previous?.analysis === analysis && previous.hash === request.previousHash) {
    // Same text, same analysis: the server already has these diagnostics.
    ({ hash, count } = previous);
  } else {
    const diagnostics = diagnosticsOf(analysis, uri, files);
    const serialised = JSON.stringify(diagnostics);
    hash = diagnosticsHash(serialised);
    count = diagnostics.length;
    // A fresh buffer of its own (not Buffer's shared pool): it is transferred, not copied.
    if (hash !== request.previousHash) json = new TextEncoder().encode(serialised);
  }
  const terraform = isTerraformPath(path);
  const callers = terraform ? { callers: analyzer.terraformCallersOf(dirname(path)), callees: analyzer.terraformCalleesOf(dirname(path)) } : {};
  if (request.then === 'keep') {
    converted.set(path, { analysis, hash, count });
  } else {
    // A saved template is not kept in memory (as on the server's thread).
    analyzer.forget(path);
    converted.delete(path);
    documents.delete(path);
  }
  const result: AnalyzeResult = {
    type: 'analyzed',
    id: request.id,
    analysed: analysis.kind !== 'skipped',
    count,
    hash,
    ...(json ? { json } : {}),
    ms: performance.now() - started,
    ...callers,
  };
  return { result, transfer: json ? [json.buffer as ArrayBuffer] : [] };
}

function handle(message: ToWorker): { reply?: FromWorker; transfer?: ArrayBuffer[] } {
  switch (message.type) {
    case 'configure':
      analyzer = createAnalyzer(files, message.settings);
      converted.clear();
      return {};
    case 'overlay':
      for (const uri of message.removed) buffers.texts.delete(uri);
      for (const { uri, text } of message.changed) buffers.texts.set(uri, text);
      if (message.folders) files.setWorkspaceTerraformFolders(message.folders);
      return {};
    case 'analyze': {
      const { result, transfer } = analyze(message);
      return { reply: result, transfer };
    }
    case 'hover': {
      const document = documents.get(message.path);
      const hover = document?.version === message.version ? hoverAt(analyzer, message.path, document.text, message.position) : null;
      return { reply: { type: 'hover', id: message.id, hover } };
    }
    case 'codeActions': {
      const document = documents.get(message.path);
      const actions = document?.version === message.version ? codeActionsAt(analyzer, message.uri, message.path, document.text, message.range, message.context) : [];
      return { reply: { type: 'codeActions', id: message.id, actions } };
    }
    case 'report': {
      const analysis = analyzer.analyze({ path: message.path, text: message.text });
      const part = reportPart(analysis, message.name) ?? null;
      // A saved file is not kept in memory; an open document's analysis stays (its diagnostics job, next, reuses it).
      if (!documents.has(message.path)) analyzer.release(message.path);
      return { reply: { type: 'report', id: message.id, part } };
    }
    case 'forget':
    case 'release':
      if (message.type === 'forget') analyzer.forget(message.path);
      else analyzer.release(message.path);
      documents.delete(message.path);
      converted.delete(message.path);
      files.invalidate(message.path);
      return {};
  }
}

/**
 * A small template of common resource types (YAML, then the same kinds in JSON and HCL), analysed once when the worker
 * starts and thrown away: the parsers' and rules' code is compiled before the first real document needs it.
 */
const WARM_UP: readonly { readonly path: string; readonly text: string }[] = [
  {
    path: '/iac-hints-warm-up/template.yaml',
    text: [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Parameters:',
      '  Env: { Type: String, Default: dev, AllowedValues: [dev, prod] }',
      'Conditions:',
      '  IsProd: !Equals [!Ref Env, prod]',
      'Resources:',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketName: !Sub "warm-${Env}"',
      '      Tags: [{ Key: k, Value: v }]',
      '  Group:',
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      '      GroupDescription: warm',
      '      SecurityGroupIngress:',
      '        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }',
      '  Db:',
      '    Type: AWS::RDS::DBInstance',
      '    Properties:',
      '      Engine: mysql',
      '      DBInstanceClass: db.t3.micro',
      '      StorageEncrypted: !If [IsProd, true, false]',
      '  Role:',
      '    Type: AWS::IAM::Role',
      '    Properties:',
      '      AssumeRolePolicyDocument: { Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: "sts:AssumeRole" }] }',
      '',
    ].join('\n'),
  },
  {
    path: '/iac-hints-warm-up/template.json',
    text: '{"Resources":{"Bucket":{"Type":"AWS::S3::Bucket","Properties":{"BucketName":"warm"}},"Volume":{"Type":"AWS::EC2::Volume","Properties":{"Size":8}}}}\n',
  },
  {
    path: '/iac-hints-warm-up/main.tf',
    text: 'resource "aws_s3_bucket" "b" {\n  bucket = "warm"\n}\n\nresource "aws_security_group" "g" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
  },
];

function warmUp(): void {
  // Its own analyzer, over no file system: nothing of it stays, and no real file is read.
  const scratch = createAnalyzer(undefined, workerSettings(DEFAULT_SETTINGS), undefined, false);
  for (const input of WARM_UP) diagnosticsOf(scratch.analyze(input), `file://${input.path}`, files);
}

const port = parentPort;
if (port) {
  // Before the first message is read: a request that comes meanwhile waits for it, as it would for cold code.
  setImmediate(warmUp);
  port.on('message', (message: ToWorker) => {
    try {
      const { reply, transfer } = handle(message);
      if (reply) port.postMessage(reply, transfer ?? []);
    } catch (error) {
      // Only what surrounds the core can throw (it never does); the request is answered all the same.
      if ('id' in message) port.postMessage({ type: 'failed', id: message.id, message: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies FromWorker);
    }
  });
}
