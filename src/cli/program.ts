// The commander program: global help and version, and the commands.
import { Command } from 'commander';
import type { CliContext } from './cli-context.js';
import { recordCommand } from './commands/record-command.js';
import { runCommand } from './commands/run-command.js';
import { signCommand } from './commands/sign-command.js';
import { goldenCommand } from './commands/golden-command.js';
import { rehearseCommand } from './commands/rehearse-command.js';
import { showNumericDefaults } from './given-options.js';

export function buildProgram(ctx: CliContext): Command {
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
  program.addCommand(runCommand(ctx).exitOverride().showHelpAfterError('(add --help for usage)'));
  program.addCommand(recordCommand(ctx).exitOverride().showHelpAfterError('(add --help for usage)'));
  program.addCommand(signCommand(ctx).exitOverride().showHelpAfterError('(add --help for usage)'));
  program.addCommand(rehearseCommand(ctx).exitOverride().showHelpAfterError('(add --help for usage)'));
  const golden = goldenCommand(ctx).exitOverride().showHelpAfterError('(add --help for usage)');
  for (const sub of golden.commands) sub.exitOverride().showHelpAfterError('(add --help for usage)');
  program.addCommand(golden);
  showNumericDefaults(program);
  // addCommand does not pass the output on: without this, `run --help` in-process would bypass ctx.stdout.
  const output = program.configureOutput();
  const inherit = (command: Command): void => command.commands.forEach((sub) => inherit(sub.configureOutput(output)));
  inherit(program);
  program.addHelpText(
    'after',
    `
Start with:
  $ shadow-exec run                 a default shadow run (fake venue, synthetic BTCUSDT market)
  $ shadow-exec run --help          every option, its unit and default
  $ shadow-exec run --exchange bybit --mode dryrun --journal requests.jsonl
  $ shadow-exec record --exchange binance --symbols BTCUSDT --duration 1m --out btc.jsonl
  $ shadow-exec run --exchange binance --feed replay:btc.jsonl      replay what was just recorded
  $ shadow-exec run --exchange binance --feed live --duration 5m   the venue's live public market data
  $ shadow-exec record --help       record a venue's public streams into a replay file
  $ shadow-exec sign --help         sign one Bybit or Binance request by hand
  $ shadow-exec golden check        re-run every golden case and diff it (the CI smoke test)
  $ shadow-exec rehearse --list     built-in freeze rehearsals (exit 3 when an expectation fails)`,
  );
  return program;
}
