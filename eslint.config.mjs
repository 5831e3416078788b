// ESLint (flat config): the house's import boundaries, checked (ARCHITECTURE.md "Who may import
// whom"), and a small rule set. `npm run lint`; part of `npm test`.
import path from 'node:path';
import tseslint from 'typescript-eslint';

/** The pure rooms: no editor, no engine client, no glue. */
const PURE = ['src/model', 'src/analysis', 'src/lint', 'src/insight'];
/** The engine port and its adapter: Node and the pure model, never the editor's glue. */
const PORT = ['src/docker'];
/** VS Code glue: folders and the top-level files activate() is made of. */
const GLUE = ['src/views', 'src/webview', 'src/diagnostics', 'src/commands', 'src/inspect',
  'src/extension.ts', 'src/ctx.ts', 'src/config.ts', 'src/log.ts', 'src/engineGlue.ts'];
const ENGINE_CLIENT = ['dockerode', 'docker-modem', 'ssh2'];

/** `file` (a path from the repo root, extension optional) is one of `rooms` or inside one. */
const inRoom = (file, rooms) => rooms.some((room) => file === room || `${file}.ts` === room || file.startsWith(`${room}/`));

/**
 * `layerscope/layers`: resolves each relative import against the importing file and fails when a
 * pure room reaches glue or the engine port, or the port reaches glue. Type-only imports count too:
 * a type that two rooms share belongs in the lower one.
 */
const layers = {
  meta: { type: 'problem', messages: { up: '{{from}} may not import {{to}} ({{why}}); see ARCHITECTURE.md' }, schema: [] },
  create(context) {
    const root = context.cwd;
    const from = path.relative(root, context.filename).split(path.sep).join('/');
    const rule = inRoom(from, PURE) ? { banned: [...GLUE, ...PORT], why: 'the pure core imports no glue and no engine port' }
      : inRoom(from, PORT) ? { banned: GLUE, why: 'the engine port imports no glue' } : undefined;
    if (!rule) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = path.relative(root, path.resolve(path.dirname(context.filename), spec)).split(path.sep).join('/');
      if (inRoom(to, rule.banned)) context.report({ node, messageId: 'up', data: { from, to, why: rule.why } });
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
