import { redirect } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { getCurrentActor } from "@/lib/dal/session";

// A convenience redirect for people who are not signed in; the checks that count are in lib/dal.
// The header naming the signed-in person lives here, not in the root layout, so public pages stay cacheable.
export default async function AppLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  if (!(await getCurrentActor())) redirect(`/${locale}/sign-in`);
  return (
    <>
      <SiteHeader locale={locale} />
      <main id="content" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
