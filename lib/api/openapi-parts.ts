import { MAX_BODY_BYTES } from "./http";

// Building blocks of the OpenAPI document (lib/api/openapi.ts), shared by its path files.

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const str = { type: "string" } as const;
export const int = { type: "integer" } as const;
export const bool = { type: "boolean" } as const;
export const uuid = { type: "string", format: "uuid" } as const;
export const date = { type: "string", format: "date", description: "A calendar date, YYYY-MM-DD." } as const;
export const instant = { type: "string", format: "date-time", description: "An instant, ISO 8601 in UTC." } as const;
export const nullable = (s: object) => ({ oneOf: [s, { type: "null" }] });
export const list = (items: object, extra: object = {}) => ({ type: "array", items, ...extra });
/** A closed object: every property required unless `required` says otherwise. */
export const obj = (properties: Record<string, object>, required: string[] = Object.keys(properties)) => ({
  type: "object",
  properties,
  required,
  additionalProperties: false,
});
export const jsonBody = (schema: string, description?: string) => ({ description, content: { "application/json": { schema: ref(schema) } } });
export const ok = (schema: string, description = "OK") => jsonBody(schema, description);
export const refusal = (name: string) => ({ $ref: `#/components/responses/${name}` });

export const idParam = (description: string) => ({ name: "id", in: "path", required: true, description, schema: { type: "string", format: "uuid" } });
export const query = (name: string, schema: object, description: string) => ({ name, in: "query", required: false, description, schema });
export const pageParams = (maxPageSize: number, defaultPageSize: number) => [
  query("page", { type: "integer", minimum: 1, default: 1 }, "Page number, from 1."),
  query("pageSize", { type: "integer", minimum: 1, maximum: maxPageSize, default: defaultPageSize }, "Items per page."),
];

/** Any route that reads a JSON body can refuse it in these ways. */
export const bodyRefusals = {
  "400": refusal("MalformedJson"),
  "413": refusal("TooLarge"),
  "415": refusal("UnsupportedMediaType"),
  "422": refusal("ValidationFailed"),
};
export const needsAuth = { "401": refusal("Unauthenticated") };
export const optionalAuth = [{}, { bearerAuth: [] }, { sessionCookie: [] }];

export const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ref("Problem") } },
});

export { MAX_BODY_BYTES };
