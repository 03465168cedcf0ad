import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The project's own eslint.config.mjs, applied to code placed (virtually) at a given path.
async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: false });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const QUERY = `import { getDb } from "@/db/client";\nexport const x = getDb;\n`;
const RELATIVE = `import { getDb } from "../../db/client";\nexport const x = getDb;\n`;
const SEED = `import { seedDemoData } from "../db/seed";\nexport const x = seedDemoData;\n`;
const DRIZZLE = `import { eq } from "drizzle-orm";\nexport const x = eq;\n`;
const SCHEMA_TYPES = `import type { Locale } from "@/db/schema";\nimport type { Db } from "@/db/client";\nexport type X = [Locale, Db];\n`;

// Independent of the database: runs once, in the embedded-database pass of `npm test`.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("the DAL boundary (eslint no-restricted-imports)", () => {
  it("refuses database access by alias or relative path from app/, components/ and lib/ outside lib/dal", async () => {
    expect(await restrictedImports(QUERY, "app/[locale]/(public)/page.tsx")).toHaveLength(1);
    expect(await restrictedImports(RELATIVE, "components/site-header.tsx")).toHaveLength(1);
    expect(await restrictedImports(SEED, "lib/jobs.ts")).toHaveLength(1);
    expect(await restrictedImports(DRIZZLE, "lib/api/http.ts")).toHaveLength(1);
    expect(await restrictedImports(RELATIVE, "emails/layout.ts")).toHaveLength(1);
  }, 60_000);

  it("allows lib/dal, type-only imports and the listed exceptions", async () => {
    expect(await restrictedImports(QUERY, "lib/dal/cohorts.ts")).toEqual([]);
    expect(await restrictedImports(DRIZZLE, "lib/dal/cohorts.ts")).toEqual([]);
    expect(await restrictedImports(SCHEMA_TYPES, "lib/mail/worker.ts")).toEqual([]);
    expect(await restrictedImports(QUERY, "lib/startup.ts")).toEqual([]);
  }, 60_000);
});
