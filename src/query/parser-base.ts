/**
 * What the STA and CQL2-text recursive-descent parsers have in common: punctuation helpers, "unexpected token"
 * errors, and turning a type problem found by `build.ts` into a {@link QueryError} at the offending node's
 * position. Keeps error wording identical across both query languages.
 */
import type { Expression } from './ast';
import { BuildProblem } from './build';
import type { DepthGuard } from './limits';
import { quoteToken, type Fail } from './query-error';

/** The token fields the shared helpers rely on; both lexers use the kinds `punct` and `eof`. */
export interface BaseToken {
  kind: string;
  text: string;
  pos: number;
}

/** A lexer as the shared helpers see it. */
export interface TokenSource<T extends BaseToken> {
  peek(): T;
  next(): T;
  /** The source text of the token starting at `pos`. */
  tokenAt(pos: number): string;
}

export abstract class ParserBase<T extends BaseToken> {
  protected constructor(
    protected readonly lexer: TokenSource<T>,
    protected readonly fail: Fail,
    protected readonly depth: DepthGuard,
  ) {}

  /** Runs a node constructor; a {@link BuildProblem} becomes a QueryError at its node, else at `at`. */
  protected checked<R>(make: () => R, at: BaseToken): R {
    try {
      return make();
    } catch (e) {
      if (!(e instanceof BuildProblem)) throw e;
      const node: Expression | null = e.node;
      if (node && node.pos >= 0) return this.fail(node.pos, this.lexer.tokenAt(node.pos), e.reason);
      return this.fail(at.pos, at.text, e.reason);
    }
  }

  protected acceptPunct(text: string): boolean {
    const token = this.lexer.peek();
    if (token.kind !== 'punct' || token.text !== text) return false;
    this.lexer.next();
    return true;
  }

  protected expectPunct(text: string): void {
    if (!this.acceptPunct(text)) this.unexpected(this.lexer.peek(), `'${text}'`);
  }

  protected expectEnd(): void {
    const token = this.lexer.peek();
    if (token.kind !== 'eof') this.unexpected(token, 'an operator or the end of the expression');
  }

  protected unexpected(token: BaseToken, expected: string): never {
    if (token.kind === 'eof') return this.fail(token.pos, '', `unexpected end of input, expected ${expected}`);
    return this.fail(token.pos, token.text, `unexpected ${quoteToken(token.text)}, expected ${expected}`);
  }
}
