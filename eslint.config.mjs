// ESLint (flat config): the house's import boundaries, checked (ARCHITECTURE.md "Who may import
// whom"), and a small rule set. `npm run lint`; part of `npm test`.
import path from 'node:path';
import tseslint from 'typescript-eslint';

/** The pure rooms: no editor, no engine client, no glue. */
const PURE = ['src/model', 'src/analysis', 'src/lint', 'src/insight'];
/** The engine port and its adapter: Node and the pure model, never the editor's glue. */
const PORT = ['src/docker'];
/** The glue's areas, each built in activate() and hung on Ctx. */
const AREAS = ['src/views', 'src/webview', 'src/diagnostics', 'src/commands', 'src/inspect', 'src/linkedImage', 'src/language'];
/** The glue's base: the context, settings, log, prompter and helpers every area uses. */
const BASE = ['src/ctx.ts', 'src/config.ts', 'src/log.ts', 'src/engineGlue.ts', 'src/prompt.ts', 'src/cancellation.ts', 'src/onFirstUse.ts'];
/** VS Code glue: the areas, their base and activate(). */
const GLUE = [...AREAS, ...BASE, 'src/extension.ts'];
const ENGINE_CLIENT = ['dockerode', 'docker-modem', 'ssh2'];

/** `file` (a path from the repo root, extension optional) is one of `rooms` or inside one. */
const inRoom = (file, rooms) => rooms.some((room) => file === room || `${file}.ts` === room || file.startsWith(`${room}/`));

/**
 * Who may not import whom (ARCHITECTURE.md "Who may import whom"); every entry whose `from`
 * holds the file applies. Arrows point down: commands → views/webview/inspect → the glue's base →
 * the port → the pure core, and inside the core model ← analysis, lint ← insight.
 */
const ARROWS = [
  { from: ['src/model'], banned: [...GLUE, ...PORT, 'src/analysis', 'src/lint', 'src/insight'], why: 'model is the lowest room: it imports no other room' },
  { from: ['src/analysis'], banned: ['src/lint', 'src/insight'], why: 'analysis imports only model of the pure core' },
  { from: ['src/lint'], banned: ['src/analysis', 'src/insight'], why: 'lint imports only model of the pure core' },
  { from: PURE, banned: [...GLUE, ...PORT], why: 'the pure core imports no glue and no engine port' },
  { from: PORT, banned: GLUE, why: 'the engine port imports no glue' },
  // ctx.ts names each area's service type and extension.ts wires them: both may import any area.
  { from: BASE.filter((file) => file !== 'src/ctx.ts'), banned: AREAS, why: 'the glue\'s base imports no area' },
  { from: ['src/views', 'src/webview', 'src/inspect', 'src/diagnostics'],
    banned: ['src/commands', 'src/linkedImage', 'src/language'], why: 'views, panels and providers are below the commands that use them' },
  { from: ['src/views', 'src/webview', 'src/inspect'], banned: ['src/diagnostics'], why: 'the explorer and the panels do not reach into diagnostics' },
];

/**
 * `layerscope/layers`: resolves each relative import against the importing file and fails when it
 * runs against an arrow of ARROWS. Type-only imports count too: a type that two rooms share belongs
 * in the lower one.
 */
const layers = {
  meta: { type: 'problem', messages: { up: '{{from}} may not import {{to}} ({{why}}); see ARCHITECTURE.md' }, schema: [] },
  create(context) {
    const root = context.cwd;
    const from = path.relative(root, context.filename).split(path.sep).join('/');
    const rules = ARROWS.filter((arrow) => inRoom(from, arrow.from));
    if (!rules.length) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = path.relative(root, path.resolve(path.dirname(context.filename), spec)).split(path.sep).join('/');
      const broken = rules.find((rule) => inRoom(to, rule.banned));
      if (broken) context.report({ node, messageId: 'up', data: { from, to, why: broken.why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

const noPackages = (names, why) => ['error', {
  paths: names.map((name) => ({ name, message: why })),
  patterns: [{ group: names.map((n) => `${n}/*`), message: why }],
}];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'media/**', 'node_modules/**', '.rig/**', 'test/rig/**', 'bench/**', 'scripts/**', 'test/integration/workspace/**'] },
  {
    files: ['src/**/*.ts', 'webview-ui/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin, layerscope: { rules: { layers } } },
    rules: {
      'layerscope/layers': 'error',
      eqeqeq: ['error', 'smart'],
      'no-var': 'error',
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-throw-literal': 'error',
      'no-debugger': 'error',
      'no-duplicate-case': 'error',
      'no-self-compare': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', ignoreRestSiblings: true, caughtErrors: 'none', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: PURE.map((room) => `${room}/**/*.ts`),
    rules: {
      '@typescript-eslint/no-restricted-imports': noPackages(['vscode', ...ENGINE_CLIENT],
        'the pure core (model, analysis, lint, insight) runs without VS Code and without an engine client'),
    },
  },
  {
    files: PORT.map((room) => `${room}/**/*.ts`),
    rules: {
      '@typescript-eslint/no-restricted-imports': noPackages(['vscode'], 'the engine port runs without VS Code (the CLI uses it)'),
    },
  },
);
