// Recursive-descent parser for HCL native syntax: bodies, blocks, attributes and expressions.
// Error tolerant by design: every loop makes progress, problems are collected instead of thrown, and recovery
// happens at line ends and at a column-0 line that starts a new top-level block.
import { MAX_NESTING, nestedTooDeeply } from '../../limits';
import type { OffsetRange, Problem, Severity } from '../../offsets';
import type {
  AttrStep, BinaryOperator, CallExpr, ForExpr, ForVariable, HclAttribute, HclBlock, HclBody, HclExpression, HclLabel,
  ObjectExpr, ObjectItem, TraversalStep, TupleExpr,
} from './ast';
import { TOP_LEVEL_BLOCKS, describeToken, isColumnZero, isFirstOnLine, scanToken, skipBalanced } from './lexer';
import type { LexProblem, Token } from './lexer';
import { parseHeredoc, parseQuoted } from './template';
import type { TemplateHost } from './template';

const BINARY_LEVELS: readonly (readonly BinaryOperator[])[] = [
  ['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%'],
];

/** Tokens an expression never starts with: parsePrimary leaves them for the caller. */
const STOPPERS = new Set([')', ']', '}', ',', ':', '=', '?', '=>', '...', '~']);

/** Problems kept in memory; more are only counted (parseHcl reports at most MAX_PARSE_PROBLEMS anyway). */
const MAX_STORED_PROBLEMS = 10_000;

export class Parser implements TemplateHost {
  /** End of the last consumed token: where scanning resumes. */
  pos = 0;
  /** End of the last consumed token that was not a newline. */
  lastEnd = 0;
  /** Start of that token. */
  lastStart = 0;
  limit: number;
  readonly problems: Problem[] = [];
  /** Where the last expression skipped as nested too deeply ended. */
  private lastTooDeep: { readonly end: number } | undefined;
  /** Problems not stored because MAX_STORED_PROBLEMS were already kept. */
  overflow = 0;
  private readonly problemKeys = new Set<string>();
  private ignoreNewlines = false;
  private depth = 0;
  private cache: { pos: number; ignore: boolean; limit: number; token: Token } | undefined;
  private readonly lexProblems: LexProblem[] = [];

  constructor(readonly text: string) {
    this.limit = text.length;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Token access

  peek(): Token {
    const cached = this.cache;
    if (cached && cached.pos === this.pos && cached.ignore === this.ignoreNewlines && cached.limit === this.limit) return cached.token;
    let token = this.scan(this.pos);
    while (this.ignoreNewlines && token.type === 'newline') token = this.scan(token.end);
    this.cache = { pos: this.pos, ignore: this.ignoreNewlines, limit: this.limit, token };
    return token;
  }

  /** The token after `token`, newlines significant. */
  peekAfter(token: Token): Token {
    return this.scan(token.end);
  }

  next(): Token {
    const token = this.peek();
    if (token.type !== 'eof') {
      this.pos = token.end;
      if (token.type !== 'newline') {
        this.lastStart = token.start;
        this.lastEnd = token.end;
      }
    }
    return token;
  }

  /** Move to an offset (template parsing and recovery). */
  seek(offset: number): void {
    this.pos = offset;
    this.cache = undefined;
  }

  at(value: string): boolean {
    const token = this.peek();
    return token.type === 'punct' && token.value === value;
  }

  withNewlines<T>(ignore: boolean, fn: () => T): T {
    const saved = this.ignoreNewlines;
    this.ignoreNewlines = ignore;
    try {
      return fn();
    } finally {
      this.ignoreNewlines = saved;
    }
  }

  withLimit<T>(limit: number, fn: () => T): T {
    const saved = this.limit;
    this.limit = Math.min(limit, saved);
    try {
      return fn();
    } finally {
      this.limit = saved;
    }
  }

  private scan(pos: number): Token {
    const before = this.lexProblems.length;
    const token = scanToken(this.text, pos, this.limit, this.lexProblems);
    for (let i = before; i < this.lexProblems.length; i++) {
      const p = this.lexProblems[i];
      this.error(p.message, { start: p.start, end: p.end });
    }
    this.lexProblems.length = 0;
    return token;
  }

  error(message: string, range: OffsetRange, severity: Severity = 'error'): void {
    const key = `${range.start}:${range.end}:${message}`;
    if (this.problemKeys.has(key)) return;
    if (this.problems.length >= MAX_STORED_PROBLEMS) {
      this.overflow++;
      return;
    }
    this.problemKeys.add(key);
    this.problems.push({ message, range, severity });
  }

  /** Range to report an unexpected token at: for a newline or the end of file, the token before it. */
  rangeOf(token: Token): OffsetRange {
    if (token.type === 'newline' || token.type === 'eof') return { start: Math.min(this.lastStart, this.lastEnd), end: this.lastEnd };
    return { start: token.start, end: token.end };
  }

  /** Rewind to an earlier state, dropping the problems reported since. */
  rewind(pos: number, lastEnd: number, problemCount: number, lastStart = lastEnd): void {
    this.seek(pos);
    this.lastEnd = lastEnd;
    this.lastStart = lastStart;
    while (this.problems.length > problemCount) {
      const removed = this.problems.pop();
      if (removed) this.problemKeys.delete(`${removed.range.start}:${removed.range.end}:${removed.message}`);
    }
  }

  /** A column-0 line that starts a top-level block (`resource "x" "y" {`): the place to stop an unclosed construct. */
  isRecoveryPoint(token: Token): boolean {
    if (token.type !== 'ident' || !TOP_LEVEL_BLOCKS.has(token.value) || !isColumnZero(this.text, token.start)) return false;
    const after = this.peekAfter(token);
    return after.type === 'quote' || after.type === 'ident' || (after.type === 'punct' && after.value === '{');
  }

  /** A token that begins a line looking like a body item (`name =`, `name {`, `name "label"`) or a closing `}`. */
  looksLikeBodyLine(token: Token): boolean {
    if (!isFirstOnLine(this.text, token.start)) return false;
    if (token.type === 'punct') return token.value === '}';
    if (token.type !== 'ident') return false;
    const after = this.peekAfter(token);
    return after.type === 'quote' || (after.type === 'punct' && (after.value === '=' || after.value === '{'));
  }

  /** Skip the rest of the line at the character level (strings and block comments honoured); stops at the newline. */
  skipLine(): void {
    const text = this.text;
    let at = Math.max(this.pos, 0);
    const limit = this.limit;
    while (at < limit) {
      const code = text.charCodeAt(at);
      if (code === 10 || (code === 13 && text.charCodeAt(at + 1) === 10)) break;
      if (code === 34) {
        at++;
        while (at < limit) {
          const c = text.charCodeAt(at);
          if (c === 10 || c === 13) break;
          at += c === 92 ? 2 : 1;
          if (c === 34) break;
        }
        continue;
      }
      if (code === 47 && text.charCodeAt(at + 1) === 42) {
        const close = text.indexOf('*/', at + 2);
        at = close < 0 ? limit : close + 2;
        continue;
      }
      if (code === 35 || (code === 47 && text.charCodeAt(at + 1) === 47)) {
        while (at < limit && text.charCodeAt(at) !== 10) at++;
        continue;
      }
      at++;
    }
    at = Math.min(at, limit);
    if (at > this.pos) {
      let end = at;
      while (end > this.pos && /\s/.test(text[end - 1])) end--;
      if (end > this.lastEnd) {
        this.lastStart = this.pos;
        this.lastEnd = end;
      }
    }
    this.seek(Math.max(at, this.pos));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Bodies

  parseFile(): HclBody {
    const body = this.parseBody(undefined);
    return { ...body, range: { start: 0, end: this.text.length } };
  }

  /** Parse items until `}` (not consumed) for a nested body, or end of file for the top level. */
  parseBody(opener: { type: string; start: number; openEnd: number } | undefined): HclBody {
    const attributes: HclAttribute[] = [];
    const blocks: HclBlock[] = [];
    const nested = opener !== undefined;
    const start = this.pos;
    this.depth++;
    try {
      if (opener && this.depth > MAX_NESTING) {
        // Skip the body to its closing brace (left for parseBlock), so the enclosing blocks read on as usual.
        const problem = nestedTooDeeply({ start: opener.start, end: opener.openEnd });
        this.error(problem.message, problem.range, problem.severity);
        const end = skipBalanced(this.text, opener.openEnd - 1, this.limit);
        this.seek(end > opener.openEnd && this.text.charCodeAt(end - 1) === 125 ? end - 1 : end);
        this.lastStart = opener.start;
        this.lastEnd = Math.max(this.lastEnd, this.pos);
        return { attributes, blocks, range: { start, end: this.pos } };
      }
      for (;;) {
        const token = this.peek();
        const before = this.pos;
        if (token.type === 'newline') {
          this.next();
          continue;
        }
        if (token.type === 'eof') {
          if (opener) this.error(`Missing "}" to close the "${opener.type}" block.`, { start: opener.start, end: opener.openEnd });
          break;
        }
        if (token.type === 'punct' && token.value === '}') {
          if (nested) break;
          this.error('Unexpected "}": there is no block to close.', this.rangeOf(token));
          this.next();
          continue;
        }
        if (nested && this.isRecoveryPoint(token)) {
          this.error(`Missing "}" to close the "${opener.type}" block.`, { start: opener.start, end: opener.openEnd });
          break;
        }
        if (token.type === 'ident') {
          const after = this.peekAfter(token);
          if (after.type === 'punct' && after.value === '=') {
            attributes.push(this.parseAttribute(nested));
          } else if (after.type === 'ident' || after.type === 'quote' || (after.type === 'punct' && after.value === '{')) {
            blocks.push(this.parseBlock(nested));
          } else {
            const message = after.type === 'newline' || after.type === 'eof'
              ? `Expected "=" and a value, or a block, after "${token.value}".`
              : `Unexpected ${describeToken(after)} after "${token.value}": expected "=" or a block.`;
            this.error(message, after.type === 'newline' || after.type === 'eof' ? { start: token.start, end: token.end } : this.rangeOf(after));
            this.next();
            this.skipLine();
          }
        } else {
          this.error(`Unexpected ${describeToken(token)}: expected an attribute or a block.`, this.rangeOf(token));
          this.next();
          this.skipLine();
        }
        if (this.pos === before) this.next();
      }
    } finally {
      this.depth--;
    }
    return { attributes, blocks, range: { start, end: this.pos } };
  }

  private parseAttribute(nested: boolean): HclAttribute {
    const nameToken = this.next();
    const equals = this.next();
    const problemsBefore = this.problems.length;
    let expression: HclExpression;
    const following = this.peek();
    if (following.type === 'newline' || following.type === 'eof' || (nested && following.type === 'punct' && following.value === '}')) {
      this.error(`Expected a value for "${nameToken.value}".`, { start: equals.start, end: equals.end });
      expression = { kind: 'invalid', range: { start: equals.end, end: equals.end } };
    } else {
      expression = this.parseExpression();
    }
    this.endOfItem(nested, problemsBefore !== this.problems.length);
    return {
      name: nameToken.value,
      nameRange: { start: nameToken.start, end: nameToken.end },
      expression,
      range: { start: nameToken.start, end: Math.max(expression.range.end, equals.end) },
    };
  }

  private parseBlock(nested: boolean): HclBlock {
    const typeToken = this.next();
    const labels: HclLabel[] = [];
    for (;;) {
      const token = this.peek();
      if (token.type === 'ident') {
        this.next();
        labels.push({ value: token.value, range: { start: token.start, end: token.end } });
      } else if (token.type === 'quote') {
        const expression = parseQuoted(this, this.next());
        if (expression.kind === 'template' && expression.value === undefined) {
          this.error('A block label cannot contain interpolations or directives.', expression.range);
        }
        labels.push({ value: expression.kind === 'template' ? expression.value ?? '' : '', range: expression.range });
      } else {
        break;
      }
    }
    const typeRange = { start: typeToken.start, end: typeToken.end };
    if (!this.at('{')) {
      const token = this.peek();
      this.error(`Expected "{" to open the body of the "${typeToken.value}" block.`, this.rangeOf(token));
      const at = this.lastEnd;
      if (token.type !== 'newline' && token.type !== 'eof') this.skipLine();
      return {
        type: typeToken.value, typeRange, labels, openBrace: at, closeBrace: at,
        body: { attributes: [], blocks: [], range: { start: at, end: at } },
        range: { start: typeToken.start, end: at },
      };
    }
    const open = this.next();
    const body = this.parseBody({ type: typeToken.value, start: typeToken.start, openEnd: open.end });
    let closeBrace: number;
    let end: number;
    if (this.at('}')) {
      const close = this.next();
      closeBrace = close.start;
      end = close.end;
      this.endOfItem(nested, false);
    } else {
      closeBrace = Math.max(this.lastEnd, open.end);
      end = closeBrace;
    }
    return {
      type: typeToken.value, typeRange, labels, openBrace: open.end, closeBrace,
      body: { attributes: body.attributes, blocks: body.blocks, range: { start: open.end, end: closeBrace } },
      range: { start: typeToken.start, end },
    };
  }

  /** After an attribute or a block: a newline, the end of file, or the `}` of the enclosing body. */
  private endOfItem(nested: boolean, quiet: boolean): void {
    const token = this.peek();
    if (token.type === 'newline') {
      this.next();
      return;
    }
    if (token.type === 'eof' || (nested && token.type === 'punct' && token.value === '}')) return;
    if (nested && this.isRecoveryPoint(token)) return;
    if (!quiet) this.error(`Unexpected ${describeToken(token)}: expected a newline.`, this.rangeOf(token));
    this.skipLine();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Expressions

  parseExpression(): HclExpression {
    this.depth++;
    try {
      if (this.depth > MAX_NESTING) return this.tooDeep();
      const condition = this.parseBinary(0);
      if (!this.at('?')) return condition;
      this.next();
      const trueResult = this.parseExpression();
      let falseResult: HclExpression;
      if (this.at(':')) {
        this.next();
        falseResult = this.parseExpression();
      } else {
        // An invalid true result has its own problem (a too-deep one skips the rest of the expression).
        if (trueResult.kind !== 'invalid') this.error('Expected ":" and the false result of the conditional.', this.rangeOf(this.peek()));
        falseResult = { kind: 'invalid', range: { start: this.lastEnd, end: this.lastEnd } };
      }
      return {
        kind: 'conditional', condition, trueResult, falseResult,
        range: { start: condition.range.start, end: Math.max(falseResult.range.end, trueResult.range.end) },
      };
    } finally {
      this.depth--;
    }
  }

  private parseBinary(level: number): HclExpression {
    if (level >= BINARY_LEVELS.length) return this.parseUnary();
    const operators = BINARY_LEVELS[level];
    let left = this.parseBinary(level + 1);
    for (;;) {
      const token = this.peek();
      if (token.type !== 'punct' || !(operators as readonly string[]).includes(token.value)) return left;
      this.next();
      const right = this.parseBinary(level + 1);
      left = {
        kind: 'binary', operator: token.value as BinaryOperator, operatorRange: { start: token.start, end: token.end },
        left, right, range: { start: left.range.start, end: Math.max(right.range.end, token.end) },
      };
    }
  }

  private parseUnary(): HclExpression {
    const token = this.peek();
    if (token.type === 'punct' && (token.value === '!' || token.value === '-')) {
      this.next();
      this.depth++;
      try {
        const operand = this.depth > MAX_NESTING ? this.tooDeep() : this.parseUnary();
        return { kind: 'unary', operator: token.value, operand, range: { start: token.start, end: Math.max(operand.range.end, token.end) } };
      } finally {
        this.depth--;
      }
    }
    return this.parsePostfix(this.parsePrimary());
  }

  /**
   * An expression nested more than MAX_NESTING levels deep: one warning at its start, and the rest of the
   * expression skipped without recursion (brackets, strings and heredocs whole) up to the token that ends it in
   * what encloses it: a `,`, closing bracket or line end, a `:` that answers no `?` of its own (the enclosing
   * conditional's, or a `for` expression's after its collection), a `=>`, `...`, `=` or the `if` of a `for`
   * expression; so the enclosing lists, conditionals, `for` expressions and blocks read on as usual.
   */
  private tooDeep(): HclExpression {
    const first = this.peek();
    // The next part of one construct at the bound (a conditional's false result after its true result, a `for`
    // expression's key or value after its collection) is the same deep value to a reader: one warning for both.
    const previous = this.lastTooDeep;
    const between = previous ? this.text.slice(previous.end, first.start) : '';
    if (!previous || !/^\s*(:|=>|\.\.\.|if)\s*$/.test(between)) {
      const problem = nestedTooDeeply(this.rangeOf(first));
      this.error(problem.message, problem.range, problem.severity);
    }
    const start = first.type === 'newline' || first.type === 'eof' ? this.lastEnd : first.start;
    let questions = 0;
    let afterDot = false;
    for (;;) {
      const token = this.peek();
      if (token.type === 'eof' || token.type === 'newline' || this.isRecoveryPoint(token)) break;
      if (token.type === 'punct' && (token.value === ',' || isCloser(token) || token.value === '=>' || token.value === '...' || token.value === '=')) break;
      if (token.type === 'punct' && token.value === ':' && questions === 0) break;
      if (token.type === 'ident' && token.value === 'if' && !afterDot && token.start > start) break;
      if (token.type === 'punct' && token.value === '?') questions++;
      if (token.type === 'punct' && token.value === ':') questions--;
      afterDot = token.type === 'punct' && token.value === '.';
      if (token.type === 'quote' || token.type === 'heredoc' || (token.type === 'punct' && (token.value === '(' || token.value === '[' || token.value === '{'))) {
        const end = skipBalanced(this.text, token.start, this.limit);
        this.seek(end);
        this.lastStart = token.start;
        this.lastEnd = end;
        continue;
      }
      this.next();
    }
    const end = Math.max(start, this.lastEnd);
    this.lastTooDeep = { end };
    return { kind: 'invalid', range: { start, end } };
  }

  /** An object item's key: an expression like any other, so it counts towards the nesting bound. */
  private parseObjectKey(): HclExpression {
    this.depth++;
    try {
      return this.depth > MAX_NESTING ? this.tooDeep() : this.parseBinary(0);
    } finally {
      this.depth--;
    }
  }

  private parsePrimary(): HclExpression {
    const token = this.peek();
    const range = { start: token.start, end: token.end };
    switch (token.type) {
      case 'number':
        this.next();
        return { kind: 'literal', value: Number(token.value), range };
      case 'quote':
        return parseQuoted(this, this.next());
      case 'heredoc':
        return parseHeredoc(this, this.next());
      case 'ident':
        return this.parseIdentExpression();
      case 'punct':
        if (token.value === '[') return this.parseTupleOrFor();
        if (token.value === '{') return this.parseObjectOrFor();
        if (token.value === '(') return this.parseParens();
        break;
      default:
        break;
    }
    if (token.type === 'newline' || token.type === 'eof' || (token.type === 'punct' && STOPPERS.has(token.value))) {
      this.error(`Expected an expression, found ${describeToken(token)}.`, this.rangeOf(token));
      return { kind: 'invalid', range: { start: this.lastEnd, end: this.lastEnd } };
    }
    this.next();
    this.error(token.type === 'invalid' ? `Unexpected character "${token.value}".` : `Expected an expression, found ${describeToken(token)}.`, range);
    return { kind: 'invalid', range };
  }

  private parseIdentExpression(): HclExpression {
    const token = this.next();
    const range = { start: token.start, end: token.end };
    if (token.value === 'true' || token.value === 'false') return { kind: 'literal', value: token.value === 'true', range };
    if (token.value === 'null') return { kind: 'literal', value: null, range };
    let name = token.value;
    let nameEnd = token.end;
    // provider::aws::arn_parse
    while (this.at('::')) {
      const colons = this.next();
      const part = this.peek();
      if (part.type !== 'ident') {
        this.error('Expected a name after "::".', this.rangeOf(part));
        nameEnd = colons.end;
        name += '::';
        break;
      }
      this.next();
      name += `::${part.value}`;
      nameEnd = part.end;
    }
    if (this.at('(')) return this.parseCall(name, { start: token.start, end: nameEnd });
    if (name !== token.value) {
      this.error('Expected "(" after a provider function name.', this.rangeOf(this.peek()));
      return { kind: 'invalid', range: { start: token.start, end: nameEnd } };
    }
    return { kind: 'traversal', root: token.value, rootRange: range, steps: [], range };
  }

  private parseCall(name: string, nameRange: OffsetRange): CallExpr {
    const open = this.next();
    let expandFinal = false;
    const result = this.parseList(open, ')', `the arguments of "${name}"`, () => {
      const arg = this.parseExpression();
      if (this.at('...')) {
        this.next();
        expandFinal = true;
      }
      return arg;
    });
    return { kind: 'call', name, nameRange, args: result.items, expandFinal, range: { start: nameRange.start, end: result.end } };
  }

  /**
   * Comma-separated items up to `close`, newlines ignored. When an item that starts a line looking like a body item
   * (`acl = ...`, `}`) cannot be followed by `,` or `close`, the list was never closed: rewind to before that item
   * so the enclosing body can read the line.
   */
  private parseList(open: Token, close: string, what: string, item: () => HclExpression): { items: HclExpression[]; end: number } {
    return this.withNewlines(true, () => {
      const items: HclExpression[] = [];
      const missing = (): { items: HclExpression[]; end: number } => {
        this.error(`Missing "${close}" to close ${what}.`, { start: open.start, end: open.end });
        return { items, end: Math.max(this.lastEnd, open.end) };
      };
      for (;;) {
        const token = this.peek();
        if (token.type === 'punct' && token.value === close) return { items, end: this.next().end };
        if (token.type === 'eof' || this.isRecoveryPoint(token) || isCloser(token)) return missing();
        const before = { pos: this.pos, lastEnd: this.lastEnd, lastStart: this.lastStart, problems: this.problems.length };
        const bodyLike = this.looksLikeBodyLine(token);
        const expression = item();
        const after = this.peek();
        if (after.type === 'punct' && after.value === ',') {
          items.push(expression);
          this.next();
          continue;
        }
        if (after.type === 'punct' && after.value === close) {
          items.push(expression);
          continue;
        }
        if (bodyLike) {
          this.rewind(before.pos, before.lastEnd, before.problems, before.lastStart);
          return missing();
        }
        items.push(expression);
        if (after.type === 'eof' || this.isRecoveryPoint(after) || isCloser(after)) return missing();
        this.error(`Expected "," or "${close}" in ${what}, found ${describeToken(after)}.`, this.rangeOf(after));
        if (this.looksLikeBodyLine(after)) return missing();
        this.skipToSeparator(close);
        if (this.pos === before.pos) this.next();
      }
    });
  }

  /** Skip tokens (balancing brackets, reading strings whole) up to a `,` or `close` at this level, not consumed. */
  private skipToSeparator(close: string): void {
    let depth = 0;
    for (;;) {
      const token = this.peek();
      if (token.type === 'eof' || this.isRecoveryPoint(token)) return;
      if (token.type === 'punct') {
        if (depth === 0 && (token.value === ',' || token.value === close)) return;
        if (token.value === '(' || token.value === '[' || token.value === '{') depth++;
        if (token.value === ')' || token.value === ']' || token.value === '}') {
          if (depth === 0) return;
          depth--;
        }
      }
      if (token.type === 'quote' || token.type === 'heredoc') this.parsePrimary();
      else this.next();
    }
  }

  private parseParens(): HclExpression {
    const open = this.next();
    return this.withNewlines(true, () => {
      const expression = this.parseExpression();
      let end: number;
      if (this.at(')')) {
        end = this.next().end;
      } else {
        this.error('Missing ")" to close the parenthesis.', { start: open.start, end: open.end });
        end = Math.max(this.lastEnd, expression.range.end);
      }
      return { kind: 'parens', expression, range: { start: open.start, end } };
    });
  }

  private isForStart(): boolean {
    const token = this.peek();
    if (token.type !== 'ident' || token.value !== 'for') return false;
    return this.withNewlines(true, () => {
      let after = this.scan(token.end);
      while (after.type === 'newline') after = this.scan(after.end);
      return after.type === 'ident';
    });
  }

  private parseTupleOrFor(): HclExpression {
    const open = this.next();
    const isFor = this.withNewlines(true, () => this.isForStart());
    if (isFor) return this.parseFor(open, false);
    const result = this.parseList(open, ']', 'the list', () => this.parseExpression());
    const tuple: TupleExpr = { kind: 'tuple', items: result.items, range: { start: open.start, end: result.end } };
    return tuple;
  }

  private parseObjectOrFor(): HclExpression {
    const open = this.next();
    const isFor = this.withNewlines(true, () => this.isForStart());
    if (isFor) return this.parseFor(open, true);
    return this.withNewlines(false, () => this.parseObject(open));
  }

  private parseObject(open: Token): ObjectExpr {
    const items: ObjectItem[] = [];
    const done = (end: number): ObjectExpr => ({ kind: 'object', items, range: { start: open.start, end } });
    const missing = (): ObjectExpr => {
      this.error('Missing "}" to close the object.', { start: open.start, end: open.end });
      return done(Math.max(this.lastEnd, open.end));
    };
    for (;;) {
      const token = this.peek();
      const before = this.pos;
      if (token.type === 'newline') {
        this.next();
        continue;
      }
      if (token.type === 'punct' && token.value === '}') return done(this.next().end);
      if (token.type === 'eof' || this.isRecoveryPoint(token)) return missing();
      const item = this.parseObjectItem();
      if (item) {
        items.push(item);
        const after = this.peek();
        if (after.type === 'punct' && after.value === ',') this.next();
        else if (after.type === 'newline') this.next();
        else if (!(after.type === 'punct' && after.value === '}') && after.type !== 'eof') {
          this.error(`Expected a newline, "," or "}" after the object item, found ${describeToken(after)}.`, this.rangeOf(after));
          this.skipLine();
        }
      }
      if (this.pos === before) this.next();
    }
  }

  private parseObjectItem(): ObjectItem | undefined {
    const token = this.peek();
    let key: HclExpression;
    let keyName: string | undefined;
    if (token.type === 'ident') {
      const after = this.peekAfter(token);
      if (after.type === 'punct' && (after.value === '=' || after.value === ':')) {
        this.next();
        keyName = token.value;
        key = { kind: 'literal', value: token.value, range: { start: token.start, end: token.end } };
      } else {
        key = this.parseObjectKey();
      }
    } else {
      key = this.parseObjectKey();
    }
    if (keyName === undefined && key.kind === 'template' && key.value !== undefined) keyName = key.value;
    if (keyName === undefined && key.kind === 'literal' && key.value !== null) keyName = String(key.value);
    const separator = this.peek();
    if (!(separator.type === 'punct' && (separator.value === '=' || separator.value === ':'))) {
      if (key.kind !== 'invalid') {
        this.error(`Expected "=" or ":" after the object key, found ${describeToken(separator)}.`, this.rangeOf(separator));
      }
      // A skipped too-deep key may stop before a top-level block line: that line is not the item's to skip.
      if (!(separator.type === 'punct' && separator.value === '}') && !this.isRecoveryPoint(separator)) this.skipLine();
      return undefined;
    }
    this.next();
    let value: HclExpression;
    const following = this.peek();
    if (following.type === 'newline' || following.type === 'eof' || (following.type === 'punct' && (following.value === '}' || following.value === ','))) {
      this.error('Expected a value for the object item.', { start: separator.start, end: separator.end });
      value = { kind: 'invalid', range: { start: separator.end, end: separator.end } };
    } else {
      value = this.parseExpression();
    }
    return {
      key, keyName, keyRange: key.range, value, separator: separator.value as '=' | ':',
      range: { start: key.range.start, end: Math.max(value.range.end, separator.end) },
    };
  }

  private parseForVariable(): ForVariable | undefined {
    const token = this.peek();
    if (token.type !== 'ident') {
      this.error(`Expected a variable name in the "for" expression, found ${describeToken(token)}.`, this.rangeOf(token));
      return undefined;
    }
    this.next();
    return { name: token.value, range: { start: token.start, end: token.end } };
  }

  private parseFor(open: Token, isObject: boolean): HclExpression {
    const close = isObject ? '}' : ']';
    return this.withNewlines(true, () => {
      this.next(); // for
      const invalid = (): HclExpression => {
        this.skipToSeparator(close);
        const end = this.at(close) ? this.next().end : Math.max(this.lastEnd, open.end);
        return { kind: 'invalid', range: { start: open.start, end } };
      };
      const first = this.parseForVariable();
      if (!first) return invalid();
      let keyVar: ForVariable | undefined;
      let valueVar = first;
      if (this.at(',')) {
        this.next();
        const second = this.parseForVariable();
        if (!second) return invalid();
        keyVar = first;
        valueVar = second;
      }
      const inToken = this.peek();
      if (!(inToken.type === 'ident' && inToken.value === 'in')) {
        this.error(`Expected "in" in the "for" expression, found ${describeToken(inToken)}.`, this.rangeOf(inToken));
        return invalid();
      }
      this.next();
      const collection = this.parseExpression();
      if (!this.at(':')) {
        this.error(`Expected ":" after the collection of the "for" expression, found ${describeToken(this.peek())}.`, this.rangeOf(this.peek()));
        return invalid();
      }
      this.next();
      let key: HclExpression | undefined;
      if (isObject) {
        key = this.parseExpression();
        if (!this.at('=>')) {
          this.error(`Expected "=>" after the key of the "for" expression, found ${describeToken(this.peek())}.`, this.rangeOf(this.peek()));
          return invalid();
        }
        this.next();
      }
      const value = this.parseExpression();
      let grouping = false;
      if (isObject && this.at('...')) {
        this.next();
        grouping = true;
      }
      let condition: HclExpression | undefined;
      const ifToken = this.peek();
      if (ifToken.type === 'ident' && ifToken.value === 'if') {
        this.next();
        condition = this.parseExpression();
      }
      let end: number;
      if (this.at(close)) {
        end = this.next().end;
      } else {
        this.error(`Missing "${close}" to close the "for" expression.`, { start: open.start, end: open.end });
        this.skipToSeparator(close);
        end = this.at(close) ? this.next().end : Math.max(this.lastEnd, open.end);
      }
      const result: ForExpr = {
        kind: 'for', isObject, keyVar, valueVar, collection, key, value, condition, grouping, range: { start: open.start, end },
      };
      return result;
    });
  }

  private parsePostfix(expression: HclExpression): HclExpression {
    let current = expression;
    const steps: TraversalStep[] | undefined = current.kind === 'traversal' ? [] : undefined;
    const start = current.range.start;
    const push = (step: TraversalStep): void => {
      if (current.kind === 'traversal' && steps) {
        steps.push(step);
        current = { ...current, steps, range: { start, end: step.range.end } };
        return;
      }
      const range = { start, end: step.range.end };
      if (step.kind === 'attr') current = { kind: 'getattr', object: current, name: step.name, nameRange: step.range, range };
      else if (step.kind === 'index') current = { kind: 'index', collection: current, key: step.key, range };
      else current = { kind: 'splat', source: current, style: step.style, range };
    };
    for (;;) {
      const token = this.peek();
      if (token.type !== 'punct') break;
      if (token.value === '.') {
        this.next();
        const name = this.peek();
        if (name.type === 'ident') {
          this.next();
          const step: AttrStep = { kind: 'attr', name: name.value, range: { start: name.start, end: name.end } };
          push(step);
        } else if (name.type === 'number') {
          this.next();
          // Legacy index `foo.0`; `foo.0.1` lexes as one number token.
          let offset = name.start;
          for (const digits of name.value.split('.')) {
            const range = { start: offset, end: offset + digits.length };
            push({ kind: 'index', key: { kind: 'literal', value: Number(digits), range }, range });
            offset += digits.length + 1;
          }
        } else if (name.type === 'punct' && name.value === '*') {
          this.next();
          push({ kind: 'splat', style: 'attr', range: { start: token.start, end: name.end } });
        } else {
          this.error(`Expected an attribute name after ".", found ${describeToken(name)}.`, this.rangeOf(name));
          break;
        }
      } else if (token.value === '[') {
        const step = this.withNewlines(true, () => this.parseIndexStep());
        push(step);
      } else {
        break;
      }
    }
    return current;
  }

  private parseIndexStep(): TraversalStep {
    const open = this.next();
    const star = this.peek();
    if (star.type === 'punct' && star.value === '*') {
      const after = this.scanSkippingNewlines(star.end);
      if (after.type === 'punct' && after.value === ']') {
        this.next();
        this.next();
        return { kind: 'splat', style: 'full', range: { start: open.start, end: after.end } };
      }
    }
    const key = this.parseExpression();
    let end: number;
    if (this.at(']')) {
      end = this.next().end;
    } else {
      this.error('Missing "]" to close the index.', { start: open.start, end: open.end });
      end = Math.max(this.lastEnd, key.range.end);
    }
    return { kind: 'index', key, range: { start: open.start, end } };
  }

  private scanSkippingNewlines(pos: number): Token {
    let token = this.scan(pos);
    while (token.type === 'newline') token = this.scan(token.end);
    return token;
  }
}

/** `)`, `]` or `}`: met where another closer was expected, it closes an enclosing construct. */
function isCloser(token: Token): boolean {
  return token.type === 'punct' && (token.value === ')' || token.value === ']' || token.value === '}');
}
