import { otherMethods } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";

/** The API's OpenAPI 3.1 description (public). */
export function GET(): Response {
  return Response.json(openApiDocument, { headers: { "cache-control": "public, max-age=300" } });
}

/** Other methods: a 405 problem naming these. */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
