// Covers the package export `shadow-exec/strategy`: its .d.ts is built, and a TypeScript plug-in importing it type-checks (and a wrong price type does not).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const OPTIONS: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, skipLibCheck: true, types: [] };

function diagnostics(file: string, replace?: [string, string]): string[] {
  const host = ts.createCompilerHost(OPTIONS);
  const read = host.readFile.bind(host);
  if (replace !== undefined) host.readFile = (name) => (name === file ? read(name)!.replace(replace[0], replace[1]) : read(name));
  const program = ts.createProgram([file], OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('shadow-exec/strategy (package export)', () => {
  it('points at built files: the port declarations and its (type-only) module', () => {
    const exported = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { types: string; default: string }> }).exports['./strategy']!;
    expect(existsSync(join(ROOT, exported.types))).toBe(true);
    expect(existsSync(join(ROOT, exported.default))).toBe(true);
    expect(readFileSync(join(ROOT, exported.types), 'utf8')).toContain('export interface StrategyContext');
  });

  it('type-checks a TypeScript plug-in written against it, and refuses one that passes a price as a number where the port wants a decimal string', () => {
    const file = join(ROOT, 'examples/strategies/typed-strategy.ts');
    expect(diagnostics(file)).toEqual([]);
    const wrong = diagnostics(file, ['void reject.code;', "ctx.place({ symbol: 0, side: 'BUY', price: 65000.1, qty: '0.001' });"]);
    expect(wrong.join('\n')).toContain("Type 'number' is not assignable to type 'string'");
  });
});
