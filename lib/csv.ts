import { stringify } from "csv-stringify/sync";

/** Spreadsheets (Excel above all) read a file as UTF-8 only when it starts with this mark. */
export const UTF8_BOM = "\uFEFF";

/** Characters that make a spreadsheet read a cell as a formula (or, after a tab or return, the cell after it). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as text a spreadsheet shows as text: a value starting with `=`, `+`, `-`, `@`, a tab or
 * a carriage return gets a leading apostrophe, so `=HYPERLINK(…)` typed into a name field cannot
 * run when an admin opens the export (OWASP "CSV injection"). Dates become ISO 8601.
 */
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : `${value as string | number | boolean}`;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows as CSV text (RFC 4180: CRLF, quotes where needed), every cell neutralised. */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  return stringify(
    rows.map((row) => row.map(neutraliseCell)),
    // With CRLF records, csv-stringify leaves a lone "\n" unquoted; quote it so readers keep the row whole.
    { record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
  );
}

/**
 * A CSV file as a stream: the byte-order mark and the header, then each batch as it arrives, so
 * an export of many rows never sits in memory whole.
 */
export function csvStream(header: readonly string[], batches: AsyncIterable<readonly (readonly unknown[])[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(UTF8_BOM + csvText([header])));
        return;
      }
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvText(next.value)));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
