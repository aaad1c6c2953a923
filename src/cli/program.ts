// The commander program: global help and version, and the commands (each command's module loaded only when it is needed).
import { Command } from 'commander';
import type { CliContext } from './cli-context.js';
import { showNumericDefaults } from './given-options.js';
import { loadAllVenues, loadedVenues } from '../app/venue-registry.js';
import { orList } from '../core/text/or-list.js';

/** The commands in help order; each loads its module on use, so a `run` never compiles the code of `record` or `golden`. */
const COMMANDS: readonly (readonly [name: string, load: (ctx: CliContext) => Promise<Command>])[] = [
  ['run', async (ctx) => (await import('./commands/run-command.js')).runCommand(ctx)],
  ['record', async (ctx) => (await import('./commands/record-command.js')).recordCommand(ctx)],
  ['sign', async (ctx) => (await import('./commands/sign-command.js')).signCommand(ctx)],
  ['rehearse', async (ctx) => (await import('./commands/rehearse-command.js')).rehearseCommand(ctx)],
  ['import', async (ctx) => (await import('./commands/import-command.js')).importCommand(ctx)],
  ['convert', async (ctx) => (await import('./commands/convert-command.js')).convertCommand(ctx)],
  ['golden', async (ctx) => (await import('./commands/golden-command.js')).goldenCommand(ctx)],
  ['init', async (ctx) => (await import('./commands/init-command.js')).initCommand(ctx)],
  ['compare', async (ctx) => (await import('./commands/compare-command.js')).compareCommand(ctx)],
  ['sweep', async (ctx) => (await import('./commands/sweep-command.js')).sweepCommand(ctx)],
  ['report', async (ctx) => (await import('./commands/report-command.js')).reportCommand(ctx)],
  ['markets', async (ctx) => (await import('./commands/markets-command.js')).marketsCommand(ctx)],
];

/**
 * The program for `args`: when the first argument names a command, only that command is built (its help, options
 * and errors are the same either way); `--version` alone builds none; otherwise (top-level help, an unknown command)
 * every command is.
 */
export async function buildProgram(ctx: CliContext, args: readonly string[] = []): Promise<Command> {
  const invoked = COMMANDS.filter(([name]) => name === args[0]);
  // `--version` alone prints the version and needs no command.
  const versionOnly = args.length === 1 && (args[0] === '-V' || args[0] === '--version');
  // Help and every command but `run` describe or use several venues: they load them all. A `run` loads its venue
  // only (its action does), so a fake run compiles no other venue's code; its help text is built from every venue.
  if (!versionOnly && (args[0] !== 'run' || args.some((a) => a === '-h' || a === '--help'))) await loadAllVenues();
  // `--version` alone prints the version and needs no command.
  const commands = await Promise.all((versionOnly ? [] : invoked.length > 0 ? invoked : COMMANDS).map(async ([name, load]) => [name, await load(ctx)] as const));
  const program = new Command('shadow-exec')
    .description(
      'Runs a crypto market-making execution loop against a simulated venue in shadow mode (no order ever reaches a real venue) on a seeded synthetic market, a recorded replay file or a venue\'s live public market data, and prints a canonical JSON report that is byte-identical for the same inputs (for a live feed: the same recording). Choice values are case-insensitive in every command.',
    )
    .version(ctx.tool.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    });
  for (const [, command] of commands) {
    command.exitOverride().showHelpAfterError('(add --help for usage)');
    for (const sub of command.commands) sub.exitOverride().showHelpAfterError('(add --help for usage)');
    program.addCommand(command);
  }
  // `sweep merge FILES --format csv`: sweep and its merge both take --format/--out/--quiet; with positional options
  // the program hands everything after `sweep` over in order, so the options after `merge` are merge's own.
  if (args[0] === 'sweep') program.enablePositionalOptions();
  showNumericDefaults(program);
  // addCommand does not pass the output on: without this, `run --help` in-process would bypass ctx.stdout.
  const output = program.configureOutput();
  const inherit = (command: Command): void => command.commands.forEach((sub) => inherit(sub.configureOutput(output)));
  inherit(program);
  program.addHelpText(
    'after',
    `
Start with:
  $ shadow-exec run                 a default shadow run (${loadedVenues()[0]?.label ?? 'the default venue'}, synthetic BTCUSDT market)
  $ shadow-exec run --help          every option, its unit and default
${loadedVenues().flatMap((v) => v.examples.program.map((line) => `  ${line}\n`)).join('')}  $ shadow-exec record --help       record a venue's public streams into a replay file
  $ shadow-exec sign --help         sign one ${orList(loadedVenues().flatMap((v) => (v.signer === undefined ? [] : [v.label])))} request by hand
  $ shadow-exec golden check        re-run every golden case and diff it (the CI smoke test)
  $ shadow-exec rehearse --list     built-in freeze rehearsals (exit 3 when an expectation fails)
  $ shadow-exec init strategy my-mm  a documented strategy plug-in and its test (run --strategy ./my-mm.mjs)
  $ shadow-exec compare A.json B.json  what changed between two reports (exit 1 when they differ)
  $ shadow-exec sweep --help        a grid of options × seeds on worker threads, mean/min/max per cell
  $ shadow-exec report html r.json --series s.jsonl -o r.html   a self-contained HTML report with charts`,
  );
  return program;
}
