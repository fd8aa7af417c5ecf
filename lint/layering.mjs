// A local ESLint plugin with one rule, `layering/imports`: a file may not import what its folder's bans
// name (eslint.config.mjs holds the table). It checks every way TypeScript code names a module: import and
// export-from declarations (type-only ones too), import(), require(), `import x = require()` and
// `typeof import()` types. ESLint's no-restricted-imports sees only the first, and matches the specifier as
// written, so `../core/rules/doc-url` would need a pattern per folder depth; this rule resolves a relative
// specifier to the module it names in the project first.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The module a relative specifier names, from the project root, with `/` separators and without a
 * TypeScript/JavaScript extension or a trailing `/index`: `../core/index.ts` from `src/cli/x.ts` is `src/core`.
 */
function projectModule(fromFile, specifier) {
  const path = relative(projectRoot, resolve(dirname(fromFile), specifier)).split(sep).join('/');
  return path.replace(/\.(?:[cm]?[jt]s)$/, '').replace(/\/index$/, '');
}

/** `folder/**` matches the folder and everything in it; anything else matches that one module. */
function matchesModule(pattern, module) {
  if (!pattern.endsWith('/**')) return module === pattern;
  const folder = pattern.slice(0, -3);
  return module === folder || module.startsWith(`${folder}/`);
}

/**
 * Whether `ban` forbids `specifier` in `file`. A ban names packages (`modules`: a name matches itself and
 * its subpaths, `node:` matches the scheme) or a folder of the project (`under`, with `allow` listing
 * modules or `folder/**` in it that stay allowed).
 */
function bans(ban, specifier, file) {
  if (specifier.startsWith('.')) {
    if (!ban.under) return false;
    const module = projectModule(file, specifier);
    return matchesModule(`${ban.under}/**`, module) && !(ban.allow ?? []).some((a) => matchesModule(a, module));
  }
  return (ban.modules ?? []).some((m) => (m.endsWith(':') ? specifier.startsWith(m) : specifier === m || specifier.startsWith(`${m}/`)));
}

const banSchema = {
  type: 'object',
  properties: {
    modules: { type: 'array', items: { type: 'string' } },
    under: { type: 'string' },
    allow: { type: 'array', items: { type: 'string' } },
    message: { type: 'string' },
  },
  required: ['message'],
  additionalProperties: false,
};

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid imports that cross the layers eslint.config.mjs sets out' },
    schema: { type: 'array', items: banSchema },
    messages: { banned: "'{{specifier}}': {{message}}" },
  },
  create(context) {
    const banList = context.options;
    if (banList.length === 0) return {};
    const check = (node) => {
      if (node?.type !== 'Literal' || typeof node.value !== 'string') return;
      const ban = banList.find((b) => bans(b, node.value, context.filename));
      if (ban) context.report({ node, messageId: 'banned', data: { specifier: node.value, message: ban.message } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.source ?? node.argument?.literal),
      TSExternalModuleReference: (node) => check(node.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

export default { meta: { name: 'layering' }, rules: { imports: importsRule } };
