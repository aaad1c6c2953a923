// The options a user actually gave (command line or environment): commander's help defaults left out, so each parser applies its own and can tell a given flag from a default.
import type { Command } from 'commander';

export function givenOptions<T extends object>(command: Command): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(command.opts())) {
    if (command.getOptionValueSource(key) !== 'default') out[key] = value;
  }
  return out as T;
}

/** Numeric defaults print as numbers in --help (commander quotes a string default: `(default: "1000")`). */
export function showNumericDefaults(command: Command): void {
  for (const option of command.options) {
    if (typeof option.defaultValue === 'string' && option.defaultValueDescription === undefined && /^-?\d+(\.\d+)?$/.test(option.defaultValue)) {
      option.defaultValueDescription = option.defaultValue;
    }
  }
  for (const argument of command.registeredArguments) {
    if (typeof argument.defaultValue === 'string' && argument.defaultValueDescription === undefined && /^-?\d+(\.\d+)?$/.test(argument.defaultValue)) {
      argument.defaultValueDescription = argument.defaultValue;
    }
  }
  for (const sub of command.commands) showNumericDefaults(sub);
}
