// `shadow-exec markets <venue> --out FILE`: fetches a venue's instruments now (a ccxt:<id> venue's loadMarkets()) and writes the file `run --instruments FILE` reads; returns an exit code.
import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { loadVenue, venueModule, VENUE_FAMILIES, venueNamesWhere } from '../../app/venue-registry.js';
import { ioWriteError } from '../../core/errors/io-failure.js';
import { UsageError } from '../../core/errors/shadow-exec-error.js';
import { orList } from '../../core/text/or-list.js';
import { checkWritableOutput } from '../../output/output-path.js';
import { EXIT, type CliContext } from '../cli-context.js';

export function marketsCommand(ctx: CliContext): Command {
  return new Command('markets')
    .description("Fetch a venue's instruments from the network now and write them to a file `run --instruments FILE` and `record --instruments FILE` read offline.")
    .argument('<venue>', `the venue: ${orList(VENUE_FAMILIES.map((f) => f.choice))}`)
    .option('--out <file>', 'required: the file to write (created or replaced)')
    .addHelpText(
      'after',
      `
Exit codes:
  0 written · 1 the venue could not be reached (E_FEED_FAILED: stderr names the error; safe to retry) · 2 bad usage

Examples:
${VENUE_FAMILIES.flatMap((f) => f.marketsExamples.map((line) => `  ${line}`)).join('\n')}`,
    )
    .action(async (venue: string, flags: { out?: string }) => {
      if (flags.out === undefined) throw new UsageError('--out is required: the markets file to write');
      await loadVenue(venue);
      const name = venue.trim().toLowerCase();
      let module;
      try {
        module = venueModule(name);
      } catch {
        throw new UsageError(`markets '${venue}' is not allowed: expected ${orList(VENUE_FAMILIES.map((f) => f.choice))}`);
      }
      const download = module.catalog.download;
      if (download === undefined) {
        throw new UsageError(`markets ${name}: ${module.label}'s instruments are bundled or read from a saved response (--instruments); markets fetches ${orList([...venueNamesWhere((v) => v.catalog.download !== undefined), ...VENUE_FAMILIES.map((f) => f.choice)])}`);
      }
      checkWritableOutput(flags.out, '--out', { atomic: false });
      const text = await download();
      try {
        writeFileSync(flags.out, text);
      } catch (error) {
        throw ioWriteError('E_RECORD_WRITE', `--out '${flags.out}'`, error);
      }
      ctx.stderr.write(`markets: ${name} → ${flags.out} (${Buffer.byteLength(text)} bytes)\n`);
      ctx.setExitCode(EXIT.ok);
    });
}
