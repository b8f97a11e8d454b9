// The floors of the house, held by a rule (`npm run lint:layers`, part of `npm test`):
//   kernel  <- domains <- edge / UI <- app
// A file may import its own floor or floors below it, never one above; no import cycles.
// docs/DESIGN.md ("Layers") says what lives on each floor.
const KERNEL = '^lib/(eventstore|fs|documents|config|http|outbound|validation|limits|testing)/';
const DOMAINS = '^lib/(media|orderbook|settings|auth|announce|import|lookup|embed|feeds|fediverse|hooks|indieweb|indieauth|micropub|webmention|markdown|offline|history|live|stores)/|^lib/health[.]ts$';
const EDGE_AND_UI = '^lib/(edge|ui)/|^server/';
const APP = '^(app/|instrumentation[.]ts$|proxy[.]ts$|scripts/|bench/|e2e/)';

/** The domains, lowest first: a domain may import those before it, never one after it. */
const DOMAIN_ORDER = ['media|orderbook|markdown|offline|embed', 'settings|auth|lookup|indieweb', 'announce|feeds|fediverse|hooks|indieauth|micropub|webmention', 'stores', 'history|live', 'import|health'];
/** Tests may reach across floors for their fixtures; cycles they may not. */
const NOT_TESTS = '[.]test[.]tsx?$';

const domainRules = DOMAIN_ORDER.slice(0, -1).map((floor, i) => ({
  name: `domain-floor-${i + 1}`,
  comment: `lib/(${floor}) sits below ${DOMAIN_ORDER.slice(i + 1).join(', ')}: it may not import them`,
  severity: 'error',
  from: { path: `^lib/(${floor})/`, pathNot: NOT_TESTS },
  to: { path: `^lib/(${DOMAIN_ORDER.slice(i + 1).join('|').replace('health', 'health[.]ts$')})(/|$)` },
}));

module.exports = {
  forbidden: [
    { name: 'no-cycles', comment: 'files that import each other in a loop', severity: 'error', from: {}, to: { circular: true } },
    { name: 'kernel-imports-up', comment: 'the kernel knows no domain, edge, UI or app', severity: 'error', from: { path: KERNEL, pathNot: NOT_TESTS }, to: { path: `${DOMAINS}|${EDGE_AND_UI}|${APP}` } },
    { name: 'domain-imports-up', comment: 'a domain knows no edge, UI or app', severity: 'error', from: { path: DOMAINS, pathNot: NOT_TESTS }, to: { path: `${EDGE_AND_UI}|${APP}` } },
    { name: 'edge-imports-app', comment: 'the edge and the UI know no app route', severity: 'error', from: { path: EDGE_AND_UI, pathNot: NOT_TESTS }, to: { path: APP } },
    ...domainRules,
    {
      name: 'folder-without-a-floor',
      comment: 'every folder of lib/ sits on a floor: add a new one to KERNEL, DOMAINS (and DOMAIN_ORDER) or EDGE_AND_UI above',
      severity: 'error',
      from: { path: '^lib/', pathNot: `${KERNEL}|${DOMAINS}|${EDGE_AND_UI}|${NOT_TESTS}` },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Declaration files (.d.mts) hold types only, and swc reads them as code.
    exclude: { path: '(^|/)(node_modules|\\.next)/|[.]d[.]mts$' },
    // TypeScript 7's compiler has no API dependency-cruiser can use: swc parses the sources.
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.mts'] },
  },
};
