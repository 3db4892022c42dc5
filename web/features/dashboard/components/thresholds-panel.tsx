import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { ThresholdsEditor } from "../../../lib/ui/thresholds-editor";
import { getThresholds, putThresholds } from "../api/thresholds";
import { METRIC_KEYS } from "../types";

const T = texts.dashboard;

/**
 * Admin only: the pass line per metric and the minimum sample for the unit on screen and its
 * subtree, in the same editor as the admin page (web/lib/ui/thresholds-editor.tsx), folded away
 * under the dashboard.
 */
export function ThresholdsPanel({ unit }: { unit: string }) {
  const client = useQueryClient();
  const current = useQuery({ queryKey: ["thresholds", unit], queryFn: () => getThresholds(unit) });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: putThresholds,
    onMutate: () => setSaved(false),
    onSuccess: () => {
      setSaved(true);
      // Pass/fail of every rate on screen may have changed with the line.
      void client.invalidateQueries();
    },
  });
  const view = current.data;
  if (!view) return null;
  return (
    <details className="dash-panel no-print">
      <summary>{T.settings}</summary>
      <p className="dash-muted">
        {T.settingsFor(view.unit.name)} · {T.settingsHint}
      </p>
      <ThresholdsEditor
        view={view}
        metricKeys={METRIC_KEYS}
        metricLabels={T.metrics}
        onSave={(update) => save.mutate(update)}
        saving={save.isPending}
      />
      {saved && <span className="dash-muted">{T.saved}</span>}
      {save.error && <span className="dash-error">{save.error.message}</span>}
    </details>
  );
}
