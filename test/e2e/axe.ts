/**
 * Accessibility check for any page under test: axe-core's WCAG 2.1 A/AA rules in the real page.
 * Returns the serious and critical violations (what GB/T 37668 / WCAG 2.1 AA would fail), each as
 * "rule-id: help (N nodes)" so a failing expectation reads as a to-do list.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

export async function seriousAxeViolations(page: Page, include?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page } as never).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  // A test of one part of a page may check that part only (include: a CSS selector).
  const result = await (include ? builder.include(include) : builder).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.length} nodes: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    );
}
