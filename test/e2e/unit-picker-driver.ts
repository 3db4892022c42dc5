/**
 * Driving the unit picker (web/lib/ui/unit-picker.tsx) like a person: type part of a name or a
 * code into the combobox, then choose the hit. Shared by the admin and office browser tests.
 */
import type { Locator, Page } from "playwright-core";

/** Types `text` into the picker and clicks the hit whose code is `code`; waits until it is chosen. */
export async function pickUnit(page: Page, combobox: Locator, text: string, code: string): Promise<void> {
  await combobox.click();
  await combobox.fill(text);
  await page.locator(`[role="treeitem"][data-code="${code}"]`).click();
  await page.waitForFunction(([el, c]) => (el as HTMLInputElement).dataset.code === c, [await combobox.elementHandle(), code] as const);
}
