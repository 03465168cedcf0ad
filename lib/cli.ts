import { parseArgs } from "node:util";
import { DatabaseLockedError, getHandle, migrateDatabase } from "@/db/client";
import { LOCALES, type Locale } from "@/db/schema/enums";
import { SYSTEM } from "@/lib/dal/actor";
import { createApiTokenForUser, revokeApiTokenForUser } from "@/lib/dal/api-tokens";
import { createSignInLinkForUser, disableUser, enableUser, SIGN_IN_LINK_MINUTES } from "@/lib/dal/auth";
import { createOrganisationWithAdmin } from "@/lib/dal/members";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { emailAddress } from "@/lib/validation/common";

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-org --name <name> --slug <slug> --admin-email <address>
             [--admin-name <name>] [--locale ${LOCALES.join("|")}]
      Creates an organisation with its first admin and prints a sign-in link for them.
  sign-in-link --email <address>
      Prints a sign-in link for an existing, enabled user. It works once, for ${SIGN_IN_LINK_MINUTES} minutes,
      and only until a newer link for the address is made (here or on the sign-in page).
  disable-user --email <address>
      Disables an account and signs it out everywhere.
  enable-user --email <address>
      Re-enables an account; the person signs in again by a new link.
  create-token --email <address> --name <name>
      Creates a personal API token for an existing, enabled user and prints it (shown once).
  revoke-token --email <address> --token-prefix <prefix|id>
      Revokes one of the user's API tokens, named by its prefix (kpl_AbCd) or id.
  help
      Shows this text.

The CLI uses the app's database: DATABASE_URL (with KOPPEL_ENV set as for the app), or the
embedded database in KOPPEL_DATA_DIR (default .data), which must not be in use by a running app. Links use APP_URL and the same
auth secret as the app (AUTH_SECRET, or in demo mode the one kept in KOPPEL_DATA_DIR).`;

/** A refusal the operator can fix; `code` is the exit code. */
class CliError extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}

const usageError = (message: string) => new CliError(message, 2);

type Spec = Record<string, { type: "string" }>;

/** Parses one command's options strictly: unknown options and stray words are refused. */
function options<S extends Spec>(args: string[], spec: S): Partial<Record<keyof S, string>> {
  try {
    const { values } = parseArgs({ args, options: spec, strict: true, allowPositionals: false });
    return values;
  } catch (err) {
    throw usageError(err instanceof Error ? err.message : String(err));
  }
}

function required(value: string | undefined, flag: string): string {
  const v = value?.trim();
  if (!v) throw usageError(`Missing ${flag}.`);
  return v;
}

function email(value: string | undefined, flag: string): string {
  const parsed = emailAddress.safeParse(required(value, flag));
  if (!parsed.success) throw usageError(`${flag} must be one email address, such as anna@example.org.`);
  return parsed.data;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface Command {
  /** Checks the arguments (before the database is opened) and returns the work to do. */
  parse(args: string[]): (io: CliIo) => Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  "create-org": {
    parse(args) {
      const o = options(args, {
        name: { type: "string" },
        slug: { type: "string" },
        "admin-email": { type: "string" },
        "admin-name": { type: "string" },
        locale: { type: "string" },
      });
      const name = required(o.name, "--name");
      if (name.length > 200) throw usageError("--name is too long (at most 200 characters).");
      const slug = required(o.slug, "--slug");
      if (!SLUG.test(slug) || slug.length > 63) {
        throw usageError("--slug must be lower-case letters, digits and single hyphens, such as gemeente-zwolle.");
      }
      const adminEmail = email(o["admin-email"], "--admin-email");
      const adminName = o["admin-name"]?.trim() || undefined;
      const locale = o.locale ?? "nl";
      if (!(LOCALES as readonly string[]).includes(locale)) throw usageError(`--locale must be one of ${LOCALES.join(", ")}.`);
      return async (io) => {
        authSecret();
        const created = await createOrganisationWithAdmin(SYSTEM, { name, slug, adminEmail, adminName, locale: locale as Locale });
        io.out(`Created organisation "${name}" (${slug}), id ${created.organisationId}.`);
        io.out(`Admin: ${adminEmail}`);
        try {
          const url = await createSignInLinkForUser(SYSTEM, adminEmail);
          io.out(`Sign-in link for the admin (works once, for ${SIGN_IN_LINK_MINUTES} minutes; later, ask for one on the sign-in page):`);
          io.out(url);
        } catch (err) {
          if (!(err instanceof AppError && err.code === "not_found")) throw err;
          // The address belonged to a disabled account: the organisation exists, the link cannot.
          throw new CliError(
            `The organisation was created, but ${adminEmail} is disabled, so no sign-in link was made. ` +
              `Run enable-user --email ${adminEmail}, then sign-in-link --email ${adminEmail}.`,
            1,
          );
        }
      };
    },
  },
  "sign-in-link": {
    parse(args) {
      const address = email(options(args, { email: { type: "string" } }).email, "--email");
      return async (io) => {
        authSecret();
        io.out(await createSignInLinkForUser(SYSTEM, address));
      };
    },
  },
  "disable-user": {
    parse(args) {
      const address = email(options(args, { email: { type: "string" } }).email, "--email");
      return async (io) => {
        await disableUser(SYSTEM, address);
        io.out(`Disabled ${address}; their sessions have ended.`);
      };
    },
  },
  "enable-user": {
    parse(args) {
      const address = email(options(args, { email: { type: "string" } }).email, "--email");
      return async (io) => {
        await enableUser(SYSTEM, address);
        io.out(`Enabled ${address}. Send them a link with: npm run cli -- sign-in-link --email ${address}`);
      };
    },
  },
  "create-token": {
    parse(args) {
      const o = options(args, { email: { type: "string" }, name: { type: "string" } });
      const address = email(o.email, "--email");
      const name = required(o.name, "--name");
      if (name.length > 100) throw usageError("--name is too long (at most 100 characters).");
      return async (io) => {
        const created = await createApiTokenForUser(SYSTEM, address, name);
        io.out(`Created API token "${name}" for ${address} (id ${created.id}, prefix ${created.prefix}).`);
        io.out("The token, shown only this once (send it to its owner over a safe channel):");
        io.out(created.token);
      };
    },
  },
  "revoke-token": {
    parse(args) {
      const o = options(args, { email: { type: "string" }, "token-prefix": { type: "string" } });
      const address = email(o.email, "--email");
      const key = required(o["token-prefix"], "--token-prefix");
      return async (io) => {
        const revoked = await revokeApiTokenForUser(SYSTEM, address, key);
        io.out(`Revoked API token "${revoked.name}" (${revoked.prefix}…, id ${revoked.id}) of ${address}.`);
      };
    },
  },
};

/**
 * The operator's CLI: parses `argv` (without node and the script), runs one command against the
 * process-wide database and returns the exit code (0 done, 1 refused or failed, 2 bad usage).
 * It never closes the database: the caller does (scripts/cli.ts), so tests can reuse theirs.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === "help" || name === "--help" || name === "-h") {
    io.out(USAGE);
    return 0;
  }
  try {
    if (!name) throw usageError("No command given.");
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw usageError(`Unknown command "${name}".`);
    const work = command.parse(args);
    env();
    const handle = await getHandle();
    await migrateDatabase(handle);
    await work(io);
    return 0;
  } catch (err) {
    return report(err, io);
  }
}

function report(err: unknown, io: CliIo): number {
  if (err instanceof CliError) {
    io.err(err.message);
    if (err.code === 2) io.err(`\n${USAGE}`);
    return err.code;
  }
  if (err instanceof DatabaseLockedError) {
    io.err(
      `${err.message}\nThe CLI will not open the embedded database while the app uses it: stop the app and run ` +
        `the command again, or run the app and the CLI against PostgreSQL (DATABASE_URL).`,
    );
    return 1;
  }
  if (err instanceof AppError) {
    io.err(err.message);
    return 1;
  }
  // Configuration problems, an unreachable database, ...: the message, never a stack trace.
  io.err(`Failed: ${err instanceof Error ? err.message : String(err)}`);
  return 1;
}
