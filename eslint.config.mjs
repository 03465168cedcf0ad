import drizzle from "eslint-plugin-drizzle";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", ".data/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/results/**"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { drizzle },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Only lib/dal (and the database's own tooling) may reach the database: by alias or by a
    // relative path. Types and enums from db/schema are fine (they run no query).
    files: ["app/**", "components/**", "emails/**", "i18n/**", "proxy.ts", "lib/**"],
    ignores: [
      "lib/dal/**",
      // Legitimate exceptions: test support and tests (they set up databases), next-auth's
      // adapter, the start-up that migrates and seeds, and the operator's CLI, which opens the
      // database before it acts through lib/dal.
      "lib/testing/**",
      "**/*.test.ts",
      "lib/auth/index.ts",
      "lib/startup.ts",
      "lib/cli.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db/client", "@/db/seed*", "**/db/client", "**/db/seed*", "drizzle-orm", "drizzle-orm/*", "pg", "@electric-sql/pglite", "@electric-sql/pglite/*"],
              allowTypeImports: true,
              message: "Read and write through lib/dal, which checks tenant and role.",
            },
          ],
        },
      ],
    },
  },
  {
    // Every table goes through DataTable: on a phone it scrolls in its own labelled, focusable
    // box with a "scroll for more" cue instead of widening the page (issue 10).
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    ignores: ["components/ui/data-table.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXOpeningElement[name.name='table']",
          message: "Use <DataTable label=… | labelledBy=…> from @/components/ui/data-table: it keeps a wide table from widening the page on a phone.",
        },
      ],
    },
  },
  { files: ["**/*.mjs"], ...tseslint.configs.disableTypeChecked },
);
