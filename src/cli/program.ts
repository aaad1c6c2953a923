// The commander program: global help and version, and the commands.
import { Command } from 'commander';
import type { CliContext } from './cli-context.js';
import { recordCommand } from './commands/record-command.js';
import { runCommand } from './commands/run-command.js';
import { signCommand } from './commands/sign-command.js';
import { goldenCommand } from './commands/golden-command.js';
import { rehearseCommand } from './commands/rehearse-command.js';

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('shadow-exec')
    .description(
      'Runs a crypto market-making execution loop against a simulated venue in shadow mode (no order ever reaches a real venue) and prints a canonical JSON report that is byte-identical for the same inputs.',
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
  program.addHelpText(
    'after',
    `
Start with:
  $ shadow-exec run                 a default shadow run (fake venue, synthetic BTCUSDT market)
  $ shadow-exec run --help          every option, its unit and default
  $ shadow-exec run --exchange bybit --mode dryrun --journal requests.jsonl
  $ shadow-exec record --help       record a venue's public streams into a replay file
  $ shadow-exec sign --help         sign one Bybit or Binance request by hand
  $ shadow-exec golden check        re-run every golden case and diff it (the CI smoke test)
  $ shadow-exec rehearse --list     built-in freeze rehearsals (exit 3 when an expectation fails)`,
  );
  return program;
}
