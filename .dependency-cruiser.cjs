// Layer rules of src/ (DESIGN.md §2, issue #15 "Layers enforced"), checked by dependency-cruiser in `npm test` (test/architecture/layer-rules.test.ts) and by `npm run lint:layers`.
// Only src/ is cruised: test/ and bench/ are harnesses and may import anything; bin/ loads the built CLI by URL.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'src/core is the deterministic domain (DESIGN.md §2): it imports only src/core, src/ports and the two npm packages it is built on ' +
        '(decimal.js for money, seedrandom for the seeded streams). Adapters, wiring and the CLI plug into it through ports, never the reverse.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', '^src/ports/', '^node_modules/(decimal\\.js|seedrandom|@types/seedrandom)/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'core-no-node-builtins',
      comment: 'src/core never touches the file system, the network, the wall clock or the process (DESIGN.md §2): no node: builtin in core.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'ports-only-core-types',
      comment:
        'A port is a contract between the core/engine and an edge: it names core model types (src/core/model/**) and other ports. ' +
        'Beyond the model it may name, as types only, the few core value types its methods pass: JsonValue (models describe ' +
        'themselves in the report), FeeSchedule, SendLanes (a gate is a send lane), WireStats, and the order book and book-sync ' +
        'outcome a replay kit feeds. No npm package, no builtin, no adapter.',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: {
        pathNot: [
          '^src/ports/',
          '^src/core/model/',
          '^src/core/report/canonical-json\\.ts$',
          '^src/core/sim/fee-schedule\\.ts$',
          '^src/core/sim/client-send-queue\\.ts$',
          '^src/core/sim/wire-counters\\.ts$',
          '^src/core/market/order-book\\.ts$',
          '^src/core/market/book-sync-outcome\\.ts$',
        ],
      },
    },
    {
      name: 'ports-name-core-types-only',
      comment: 'The core types a port may name outside src/core/model are named as types (import type): a port carries no core code at run time.',
      severity: 'error',
      from: { path: '^src/ports/' },
      to: { path: '^src/core/', pathNot: '^src/core/model/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'only-cli-imports-cli',
      comment: 'src/cli parses flags, prints and decides exit codes (DESIGN.md §2); nothing below it may depend on it. bin/ (outside src) launches it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'engine-not-app',
      comment: 'The engine drives a run; app composes one. The engine states what it needs (engine/session-run.ts) and app satisfies it, so the loop does not depend on its wiring.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/app/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle ties modules into one unit that cannot be read, tested or loaded apart; type-only edges count too (tsPreCompilationDeps).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are edges too: a port or a layer is broken by `import type` as much as by a value import.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve npm packages as Node does for ES modules; '.js' specifiers are mapped to the '.ts' sources through tsConfig.
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], mainFields: ['module', 'main', 'types'] },
  },
};
