import { expect, type Page } from "@playwright/test";

export type DemoRole = "coordinator" | "participant" | "partner" | "admin";

const BUTTON: Record<DemoRole, RegExp> = {
  coordinator: /demo coordinator/i,
  participant: /demo participant/i,
  partner: /demo partner/i,
  admin: /demo administrator/i,
};

/** Signs in with the demo button on the English sign-in page (demo mode only). */
export async function signInAsDemo(page: Page, role: DemoRole): Promise<void> {
  await page.goto("/en/sign-in");
  await page.getByRole("button", { name: BUTTON[role] }).click();
  // Attached, not visible: on a phone the sign-out button is folded into the header's menu.
  await expect(page.getByRole("button", { name: "Sign out", includeHidden: true })).toBeAttached();
}
