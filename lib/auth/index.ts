import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth from "next-auth";
import Nodemailer from "next-auth/providers/nodemailer";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { env } from "@/lib/env";
import { authSecret, SESSION_MAX_AGE_S, sessionCookie } from "./secret";

// The configuration is a function so the database is opened on a request, never at import
// (`next build` evaluates this module while it collects page data).
export const { handlers, auth, signOut } = NextAuth(async () => {
  const db = await getDb();
  const { mayUserSignIn, getLiveSessionAndUser, recordSignIn } = await import("@/lib/dal/auth");
  const e = env();
  const cookie = sessionCookie();
  const adapter = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    // Sessions are read through the DAL, which also ends those past their absolute lifetime.
    adapter: { ...adapter, getSessionAndUser: getLiveSessionAndUser },
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_S },
    cookies: {
      sessionToken: {
        name: cookie.name,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: cookie.secure },
      },
    },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in?sent=1", error: "/sign-in" },
    providers: [
      Nodemailer({
        server: e.SMTP_URL ?? "smtp://localhost:25",
        from: e.MAIL_FROM,
        // Links are created and queued by lib/dal/auth (rate-limited, through the outbox);
        // next-auth only checks them when they come back.
        sendVerificationRequest: () => Promise.reject(new Error("Sign-in links are sent by lib/dal/auth")),
      }),
    ],
    events: {
      async signIn({ user }) {
        if (user.id) await recordSignIn(user.id, "email");
      },
    },
    callbacks: {
      async signIn({ user }) {
        return Boolean(user.email && (await mayUserSignIn(user.email)));
      },
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
  };
});
