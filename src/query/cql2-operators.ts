/**
 * The CQL2 comparison and arithmetic operator symbols (OGC 21-065r2: `comparisonOperator`,
 * `arithmeticOperatorPlusMinus`, `arithmeticOperatorMultDiv`, `^`) and the AST operators they map to, shared by
 * the text and JSON encodings. Keys are lower case; Maps, so user text can never hit prototype members.
 */
import type { ArithmeticOp, ComparisonOp } from './ast';

export const CQL2_COMPARISON: ReadonlyMap<string, ComparisonOp> = new Map([
  ['=', 'eq'],
  ['<>', 'ne'],
  ['<', 'lt'],
  ['<=', 'le'],
  ['>', 'gt'],
  ['>=', 'ge'],
]);

/** `/` is division, `div` integer division, `^` power. */
export const CQL2_ARITHMETIC: ReadonlyMap<string, ArithmeticOp> = new Map([
  ['+', 'add'],
  ['-', 'sub'],
  ['*', 'mul'],
  ['/', 'div'],
  ['%', 'mod'],
  ['div', 'intdiv'],
  ['^', 'pow'],
]);
