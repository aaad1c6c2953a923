// Terminal styling for stderr: chalk at stderr's colour level, off when NO_COLOR is set (https://no-color.org).
import { Chalk, chalkStderr, type ChalkInstance } from 'chalk';

export function stderrChalk(env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  return new Chalk({ level: noColor ? 0 : chalkStderr.level });
}
