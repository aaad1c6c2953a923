// Strategy wiring: --strategy as a StrategyDefinition (a built-in, or a plug-in module loaded before the run), its checked parameters and its report section.
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ShadowExecError, UsageError } from '../core/errors/shadow-exec-error.js';
import type { Instrument } from '../core/model/instrument.js';
import type { JsonValue } from '../core/report/canonical-json.js';
import { avellanedaStoikovDefinition, type BuiltinSettings } from '../core/strategy/avellaneda-stoikov-strategy.js';
import { rangeGuardDefinition } from '../core/strategy/range-guard-strategy.js';
import { checkParamsSchema, paramsEcho, validateStrategyParams } from '../core/strategy/strategy-params.js';
import { symmetricDefinition } from '../core/strategy/symmetric-strategy.js';
import type { StrategyDefinition, StrategyParams } from '../ports/strategy.js';
import type { StrategyFailure } from '../engine/guarded-strategy.js';
import type { StrategyConfig } from './config/strategy-config.js';
import { fileIdentity, type FileIdentity } from './file-identity.js';

/** A plug-in module, imported: its default export and where it came from. */
export interface LoadedPlugin {
  readonly definition: StrategyDefinition;
  /** The module's file URL: a failure's file:line is looked up in its stack frames. */
  readonly url: string;
  readonly identity: FileIdentity;
}

/** The strategy a run quotes with. */
export interface WiredStrategy {
  readonly definition: StrategyDefinition;
  readonly params: StrategyParams;
  /** A plug-in runs guarded (a throw stops the run with status failed); built-ins run on the hot path unguarded. */
  readonly plugin: LoadedPlugin | null;
  /** The report's model.strategy; null without --strategy (the reports of such runs keep their bytes). */
  readonly model: JsonValue | null;
}

const BUILTINS: Readonly<Record<string, (settings: BuiltinSettings, instruments: readonly Instrument[]) => StrategyDefinition>> = {
  symmetric: symmetricDefinition,
  'avellaneda-stoikov': avellanedaStoikovDefinition,
  'range-guard': rangeGuardDefinition,
};

/** Imports `--strategy FILE` (relative to the working directory) and checks that its default export implements the port. */
export async function loadStrategyPlugin(choice: StrategyConfig['choice']): Promise<LoadedPlugin | null> {
  if (choice === null || choice.kind !== 'plugin') return null;
  const path = resolve(choice.file);
  const identity = fileIdentity(path, '--strategy');
  const url = pathToFileURL(path).href;
  let module: { default?: unknown };
  try {
    module = (await import(url)) as { default?: unknown };
  } catch (error) {
    throw new ShadowExecError('E_STRATEGY', `--strategy ${choice.file}: the module failed to load: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const definition = module.default as Partial<StrategyDefinition> | undefined;
  const missing = (['name', 'version', 'description'] as const).filter((key) => typeof definition?.[key] !== 'string');
  if (definition === undefined || definition === null || typeof definition !== 'object' || missing.length > 0 || typeof definition.create !== 'function') {
    throw new UsageError(
      `--strategy ${choice.file}: the module's default export must be a strategy definition {name, version, description, parameters?, create(ctx)}${missing.length > 0 ? `; missing ${missing.join(', ')}` : ''}`,
    );
  }
  checkParamsSchema(definition.parameters, definition.name!);
  return { definition: definition as StrategyDefinition, url, identity };
}

/** The run's strategy: `plugin` is what loadStrategyPlugin loaded for a plug-in choice. */
export function wireStrategy(config: StrategyConfig, settings: BuiltinSettings, instruments: readonly Instrument[], plugin: LoadedPlugin | null): WiredStrategy {
  const choice = config.choice;
  if (choice !== null && choice.kind === 'plugin' && plugin === null) throw new ShadowExecError('E_INVARIANT', `invariant violated: plug-in ${choice.file} was not loaded before the run was composed`);
  const definition = plugin?.definition ?? BUILTINS[choice?.kind === 'builtin' ? choice.name : 'symmetric']!(settings, instruments);
  const params = validateStrategyParams(definition.parameters, config.params, definition.name);
  const model: JsonValue | null =
    choice === null
      ? null
      : {
          name: definition.name,
          version: definition.version,
          description: definition.description,
          parameters: paramsEcho(params),
          simplifications: [...(definition.simplifications ?? [])],
          source: plugin === null ? 'built-in' : { file: basename(plugin.identity.file), sha256: plugin.identity.sha256 },
        };
  return { definition, params, plugin, model };
}

/** The error a run whose strategy threw or ran over its budget ends with (E_STRATEGY, exit 1), after its report is written. */
export function strategyFailed(failure: StrategyFailure): ShadowExecError {
  if (failure.overBudget !== undefined) {
    const { budgetMs, tookMs } = failure.overBudget;
    return new ShadowExecError('E_STRATEGY', `the strategy's ${failure.callback} took ${tookMs.toFixed(1)} ms, over its budget of ${budgetMs} ms per call (--strategy-budget-ms)`, {
      advice: 'every order was cancelled and the report (execution.status "failed", strategy.failure) was written; make the callback faster, or raise --strategy-budget-ms if the machine was only loaded, then rerun',
    });
  }
  const where = failure.location === null ? '' : ` at ${basename(failure.location)}`;
  return new ShadowExecError('E_STRATEGY', `the strategy threw in ${failure.callback}${where}: ${failure.message}`, {
    advice: 'every order was cancelled and the report (execution.status "failed", strategy.failure) was written; fix the strategy, then rerun',
  });
}
