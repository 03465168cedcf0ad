import { describe, expect, it } from "vitest";
import { csvStream, csvText, neutraliseCell, UTF8_BOM } from "./csv";

describe("neutraliseCell", () => {
  it("puts an apostrophe before a cell a spreadsheet would run as a formula", () => {
    expect(neutraliseCell('=HYPERLINK("http://evil.example","klik")')).toBe(`'=HYPERLINK("http://evil.example","klik")`);
    expect(neutraliseCell("+31 6 1234")).toBe("'+31 6 1234");
    expect(neutraliseCell("-2+3")).toBe("'-2+3");
    expect(neutraliseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCell("\t=1+1")).toBe("'\t=1+1");
    expect(neutraliseCell("\r=1+1")).toBe("'\r=1+1");
  });

  it("leaves ordinary text, numbers and inner signs alone, and writes dates as ISO 8601", () => {
    expect(neutraliseCell("Anna Bakker")).toBe("Anna Bakker");
    expect(neutraliseCell("a=b")).toBe("a=b");
    expect(neutraliseCell("李伟")).toBe("李伟");
    expect(neutraliseCell(42)).toBe("42");
    expect(neutraliseCell(null)).toBe("");
    expect(neutraliseCell(undefined)).toBe("");
    expect(neutraliseCell(new Date("2027-05-31T21:59:00Z"))).toBe("2027-05-31T21:59:00.000Z");
    expect(neutraliseCell({ from: "participant", to: "admin" })).toBe('{"from":"participant","to":"admin"}');
  });
});

describe("csvText and csvStream", () => {
  it("quotes what needs quoting, neutralises every cell and ends lines with CRLF", () => {
    expect(csvText([["a,b", 'zei "hoi"', "=1+1"], ["regel\nnieuw", "", "x"]])).toBe(`"a,b","zei ""hoi""",'=1+1\r\n"regel\nnieuw",,x\r\n`);
  });

  it("streams a UTF-8 file with a byte-order mark, the header first, then every batch", async () => {
    const batches = (async function* () {
      yield await Promise.resolve([["1", "Zoë"]]);
      yield await Promise.resolve([["2", "-1"]]);
    })();
    const bytes = new Uint8Array(await new Response(csvStream(["id", "naam"], batches)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(`${UTF8_BOM}id,naam\r\n1,Zoë\r\n2,'-1\r\n`);
  });
});
