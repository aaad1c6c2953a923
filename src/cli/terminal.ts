// Terminal styling for stderr: chalk at stderr's colour level, off when NO_COLOR is set (https://no-color.org); chalk is loaded only when it could colour.
import { isatty } from 'node:tty';
import type { SummaryStyles } from './summary.js';

const identity = (text: string): string => text;
/** What chalk does at level 0: every style returns its text unchanged. */
export const PLAIN_STYLES: SummaryStyles = { bold: identity, dim: identity, red: identity, green: identity, yellow: identity, cyan: identity };

/**
 * True when chalk's stderr level is certainly 0 without asking it: stderr is not a terminal and neither FORCE_COLOR
 * nor a colour flag in argv could force colour (chalk's supports-color rules). Anything else asks chalk.
 */
function certainlyNoColour(env: NodeJS.ProcessEnv): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return true;
  const flagged = process.argv.some((arg) => /^--(no-)?colou?rs?(=|$)/.test(arg));
  return !isatty(2) && !('FORCE_COLOR' in process.env) && !flagged;
}

export async function stderrStyles(env: NodeJS.ProcessEnv = process.env): Promise<SummaryStyles> {
  if (certainlyNoColour(env)) return PLAIN_STYLES;
  const { Chalk, chalkStderr } = await import('chalk');
  return new Chalk({ level: chalkStderr.level });
}
