// `shadow-exec init strategy NAME`: writes a documented example strategy plug-in and a vitest test that runs it through the CLI.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { EXIT, type CliContext } from '../cli-context.js';
import { STRATEGY_NAME, strategyPluginSource, strategyTestSource } from '../strategy-template.js';

export function initCommand(ctx: CliContext): Command {
  const init = new Command('init').description('Write starter files: `init strategy NAME` writes NAME.mjs (a documented strategy plug-in) and NAME.test.mjs (a vitest test running it through the CLI).');
  init
    .command('strategy')
    .description('write NAME.mjs, a strategy plug-in quoting a bid and an ask around the mid, and NAME.test.mjs, its test; never overwrites a file')
    .argument('<name>', 'the strategy name: lower-case letters, digits and dashes, starting with a letter')
    .option('--dir <dir>', 'folder to write into (created if missing)', '.')
    .action((name: string, flags: { dir: string }) => {
      if (!STRATEGY_NAME.test(name)) throw new UsageError(`init strategy '${name}' is not allowed: expected lower-case letters, digits and dashes, starting with a letter (at most 64)`);
      const files = [
        [join(flags.dir, `${name}.mjs`), strategyPluginSource(name)],
        [join(flags.dir, `${name}.test.mjs`), strategyTestSource(name)],
      ] as const;
      for (const [path] of files) if (existsSync(path)) throw new UsageError(`init strategy: ${path} exists; remove it or choose another name (nothing was written)`);
      mkdirSync(flags.dir, { recursive: true });
      for (const [path, text] of files) writeFileSync(path, text, { flag: 'wx' });
      const shown = (path: string): string => (relative(process.cwd(), path).startsWith('..') ? path : `./${relative(process.cwd(), path)}`);
      ctx.stdout.write(
        `wrote ${shown(files[0][0])} and ${shown(files[1][0])}\n  run it:  shadow-exec run --strategy ${shown(files[0][0])} --strategy-params '{"spreadBps":30}'\n  test it: npx vitest run ${shown(files[1][0])}\n`,
      );
      ctx.setExitCode(EXIT.ok);
    });
  return init;
}
