// ESLint flat config. Two project rules matter most:
// - provider packages are imported only by their `lib/<resource>` path: the package root loads
//   every resource class of the provider (seconds and hundreds of MB);
// - code under lib/ throws ValidationError (lib/core/errors.ts), never a bare Error.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'cdktf.out/**',
      'dist/**',
      'coverage/**',
      'build/**',
      'test/readme/snippets/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    plugins: { 'import-x': importX },
    // The package's own entry points (imported by the consumer test project) are one group
    // whether or not build/ exists yet: lint runs beside the build, so resolution must not decide.
    settings: { 'import-x/internal-regex': '^cdktf-guardrails(/|$)' },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^@cdktf/provider-(google|google-beta|azurerm)/?$|^@cdktf/provider-(google|google-beta|azurerm)/lib/?(index)?$',
              message:
                "Import a provider class by its 'lib/<resource>' path: the package root loads every resource class of the provider (seconds and hundreds of MB).",
            },
          ],
        },
      ],
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      // google-beta and azurerm are optional peer dependencies: a value import would make the
      // library fail to load without them. Import their types only, and their classes through
      // loadOptionalProvider (lib/core/private/optional-provider.ts) where a construct needs them.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@cdktf/provider-(google-beta|azurerm)(/|$)',
              allowTypeImports: true,
              message:
                'Optional provider package: use `import type`, and load classes with loadOptionalProvider (lib/core/private/optional-provider.ts).',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ThrowStatement > NewExpression[callee.name='Error']",
          message:
            'Throw a ValidationError built in lib/core/errors.ts: it names the construct path, the prop, the value and the fix.',
        },
      ],
    },
  },
  {
    // Tests read synthesized JSON, whose shape is checked by the assertions themselves.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
