import { openApiDocument } from "@/lib/api/openapi";

/** The API's OpenAPI 3.1 description (public). */
export function GET(): Response {
  return Response.json(openApiDocument, { headers: { "cache-control": "public, max-age=300" } });
}
