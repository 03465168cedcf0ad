import { redirect } from "next/navigation";
import { getCurrentActor } from "@/lib/dal/session";

// A convenience redirect for people who are not signed in; the checks that count are in lib/dal.
export default async function AppLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!(await getCurrentActor())) redirect(`/${locale}/sign-in`);
  return children;
}
