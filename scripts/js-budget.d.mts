// Types for js-budget.mjs, which e2e/js-budget.spec.ts (TypeScript) imports.
export const BUDGET_KB: number;
export const KNOWN_OVER: Record<string, number>;
export function isParticipantFacing(route: string): boolean;
export function limitFor(route: string): number | null;
export function measureFirstLoad(root?: string): { route: string; kilobytes: number; files: number }[];
