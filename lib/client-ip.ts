import { headers } from "next/headers";

/**
 * The network address of the person behind the current request, for rate limits: the first
 * X-Forwarded-For entry (Next.js sets it from the socket; a proxy in front sets it too), else
 * X-Real-IP, else "unknown" (all such requests then share one limit).
 */
export async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip")?.trim() || "unknown";
}
