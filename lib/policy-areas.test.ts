import { describe, expect, it } from "vitest";
import { scorePair } from "@/lib/pairing";
import { scoreMatrix } from "@/lib/pairing/score-matrix";
import { areaKey, canonicalAreas, matchAreas } from "./policy-areas";

describe("policy areas", () => {
  it("are one area whatever the case, accents, spaces or Unicode form", () => {
    expect(areaKey("  Économie  en   werk ")).toBe("economie en werk");
    expect(areaKey("Energietransitie")).toBe(areaKey("energietransitie"));
    expect(areaKey("Cafe\u0301")).toBe(areaKey("café"));
    expect(areaKey("能源转型")).toBe("能源转型");
  });

  it("split a partner's areas into the listed ones (in the list's spelling) and the unmatched ones", () => {
    const listed = ["Energietransitie", "Économie", "Wonen"];
    expect(matchAreas(["energietransitie", "economie", "energie", "ENERGIE", "wonen "], listed)).toEqual({
      matched: ["Energietransitie", "Économie", "Wonen"],
      unmatched: ["energie"],
    });
    expect(canonicalAreas(["energietransitie", "Energietransitie", "Buurtzorg"], listed)).toEqual(["Energietransitie", "Buurtzorg"]);
  });

  it("count as shared in the pair score when spelled differently, in both scorers", () => {
    const participant = { id: "p", policyAreas: ["Économie", "Energietransitie"], languages: ["nl"], region: null, employer: "Gemeente Zwolle" };
    const partner = { id: "q", name: "Buurtkracht", policyAreas: ["economie", "energietransitie "], languages: ["en"], region: null, capacityLeft: 0 };
    const s = scorePair(participant, partner);
    expect(s.reasons).toContainEqual({ kind: "policyAreas", shared: ["economie", "energietransitie"] });
    expect(s.score).toBe(20);
    expect(scoreMatrix([participant], [partner]).score[0]).toBe(20);
  });
});
