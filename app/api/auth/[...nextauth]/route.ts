import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { problem } from "@/lib/problem";

export const { GET } = handlers;

// Magic links are requested through the sign-in page's action (rate-limited, no enumeration);
// next-auth's own email sign-in endpoint would skip those checks, so it is closed.
export function POST(req: NextRequest): Promise<Response> | Response {
  if (req.nextUrl.pathname.startsWith("/api/auth/signin/")) return problem(404, "Not Found");
  return handlers.POST(req);
}
