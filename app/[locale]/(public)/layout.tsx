import { setRequestLocale } from "next-intl/server";
import { PublicHeader } from "@/components/public-header";

/** Public pages: a header that reads no cookie (the signed-in person is filled in by the browser). */
export default async function PublicLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return (
    <>
      <PublicHeader locale={locale} />
      <main id="content" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
