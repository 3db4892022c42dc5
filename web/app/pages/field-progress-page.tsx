import { useEffect } from "react";
import { useSearch } from "wouter";
import { FieldPlanSection } from "../../features/field-progress/components/field-plan-section";
import { FieldProgressView } from "../../features/field-progress/components/field-progress-view";
import { texts } from "../../lib/i18n";

/** /dashboard/field — door-to-door progress for offices (?unit=CODE narrows it; default: the user's scope). */
export function FieldProgressPage() {
  const unit = new URLSearchParams(useSearch()).get("unit");
  useEffect(() => {
    document.title = `${texts.interview.field.title} · ${texts.appName}`;
  }, []);
  return (
    <>
      <FieldProgressView unit={unit} />
      <FieldPlanSection unit={unit} />
    </>
  );
}
