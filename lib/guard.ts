import { forbidden, notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";

/** For pages: a DAL refusal becomes the matching page (404, 403, or the sign-in page). */
export async function guard<T>(work: Promise<T>, locale: string): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof AppError) {
      if (err.code === "not_found") notFound();
      if (err.code === "forbidden") forbidden();
      if (err.code === "unauthenticated") redirect(`/${locale}/sign-in`);
    }
    throw err;
  }
}
