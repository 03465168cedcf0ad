/**
 * What a decision on several applications will do, worked out before anything changes: the same
 * rules for the preview a coordinator checks and for the decision itself. Pure.
 */
import type { EnrollmentStatus } from "@/db/schema";
import type { Decision } from "@/lib/validation/enrollment";

export type DecisionRefusal = "full" | "withdrawn" | "notFound";

export const TARGET = { accept: "accepted", waitlist: "waitlisted", reject: "rejected" } as const satisfies Record<Decision, EnrollmentStatus>;

const HOLDS: readonly EnrollmentStatus[] = ["accepted", "offered"];

export interface DecisionPlan {
  /** In arrival order: the enrollments whose status changes. */
  changed: string[];
  unchanged: string[];
  refused: { id: string; reason: DecisionRefusal }[];
  /** Places held once the decision is applied. */
  taken: number;
}

/**
 * Applies `decision` to `rows` (in arrival order) on paper: accepting takes a place and is
 * refused when none is left; waitlisting or rejecting someone who held a place frees it.
 */
export function planDecision(
  ids: readonly string[],
  rows: readonly { id: string; status: EnrollmentStatus }[],
  decision: Decision,
  placesTaken: number,
  capacity: number,
): DecisionPlan {
  const to = TARGET[decision];
  const plan: DecisionPlan = { changed: [], unchanged: [], refused: [], taken: placesTaken };
  const found = new Set(rows.map((r) => r.id));
  for (const id of ids) if (!found.has(id)) plan.refused.push({ id, reason: "notFound" });
  for (const e of rows) {
    if (e.status === to) {
      plan.unchanged.push(e.id);
      continue;
    }
    if (e.status === "withdrawn") {
      plan.refused.push({ id: e.id, reason: "withdrawn" });
      continue;
    }
    const held = HOLDS.includes(e.status);
    if (to === "accepted" && !held) {
      if (plan.taken >= capacity) {
        plan.refused.push({ id: e.id, reason: "full" });
        continue;
      }
      plan.taken++;
    }
    if (to !== "accepted" && held) plan.taken--;
    plan.changed.push(e.id);
  }
  return plan;
}
