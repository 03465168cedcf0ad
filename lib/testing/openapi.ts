import { openApiDocument } from "@/lib/api/openapi";

type Schema = Record<string, unknown>;
const components = openApiDocument.components.schemas as unknown as Record<string, Schema>;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Where a JSON value breaks a schema of the OpenAPI document (the subset it uses: $ref, oneOf,
 * allOf, type, enum, const, format date/date-time, closed objects, arrays); empty when it conforms.
 * Tests use it to keep what the API sends and what the document says in step.
 */
export function schemaErrors(value: unknown, schema: Schema | string, at = "$"): string[] {
  const s = typeof schema === "string" ? { $ref: `#/components/schemas/${schema}` } : schema;
  if (typeof s.$ref === "string") {
    const target = components[s.$ref.replace("#/components/schemas/", "")];
    return target ? schemaErrors(value, target, at) : [`${at}: unknown ${s.$ref}`];
  }
  if (Array.isArray(s.oneOf)) {
    const fits = (s.oneOf as Schema[]).filter((o) => schemaErrors(value, o, at).length === 0).length;
    return fits === 1 ? [] : [`${at}: fits ${fits} of oneOf`];
  }
  if (Array.isArray(s.allOf)) return (s.allOf as Schema[]).flatMap((o) => schemaErrors(value, { ...o, additionalProperties: true }, at));
  if ("const" in s && value !== s.const) return [`${at}: not ${JSON.stringify(s.const)}`];
  if (Array.isArray(s.enum) && !s.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in enum`];
  switch (s.type) {
    case "null":
      return value === null ? [] : [`${at}: not null`];
    case "boolean":
      return typeof value === "boolean" ? [] : [`${at}: not a boolean`];
    case "number":
      return typeof value === "number" ? [] : [`${at}: not a number`];
    case "integer":
      return Number.isInteger(value) ? [] : [`${at}: not an integer`];
    case "string":
      if (typeof value !== "string") return [`${at}: not a string`];
      if (s.format === "date-time" && !ISO_INSTANT.test(value)) return [`${at}: not an instant`];
      if (s.format === "date" && !ISO_DATE.test(value)) return [`${at}: not a date`];
      return [];
    case "array":
      return Array.isArray(value) ? value.flatMap((v, i) => schemaErrors(v, s.items as Schema, `${at}[${i}]`)) : [`${at}: not an array`];
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return [`${at}: not an object`];
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const record = value as Record<string, unknown>;
      const errors = ((s.required ?? []) as string[]).filter((k) => !(k in record)).map((k) => `${at}.${k}: missing`);
      for (const [k, v] of Object.entries(record)) {
        if (props[k]) errors.push(...schemaErrors(v, props[k], `${at}.${k}`));
        else if (s.additionalProperties === false) errors.push(`${at}.${k}: not documented`);
      }
      return errors;
    }
    default:
      return [];
  }
}
