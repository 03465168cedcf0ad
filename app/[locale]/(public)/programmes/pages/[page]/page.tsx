import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Catalogue } from "../../_components/catalogue";

export const revalidate = 60;

/** Rendered on first request, then cached like the first page. */
export function generateStaticParams(): { page: string }[] {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "catalogue" }))("title") };
}

/** Catalogue page 2 and on: the public URL is /programmes?page=N, which proxy.ts rewrites here. */
export default async function CatalogueMorePage({ params }: { params: Promise<{ locale: string; page: string }> }) {
  const { locale, page } = await params;
  setRequestLocale(locale);
  const n = /^[1-9][0-9]{0,3}$/.test(page) ? Number(page) : NaN;
  if (!(n >= 2)) notFound();
  return <Catalogue locale={locale} page={n} />;
}
