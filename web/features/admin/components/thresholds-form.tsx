import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { ThresholdsEditor } from "../../../lib/ui/thresholds-editor";
import { UnitPicker } from "../../../lib/ui/unit-picker";
import { getRateSettings, putRateSettings } from "../api/settings";
import { adminQuery } from "../lib/admin-query";
import { METRIC_KEYS } from "../types";

const T = texts.admin.thresholds;

/**
 * The thresholds of one unit (default: the admin's own scope, as the server answers without one) over GET/PUT
 * /api/v1/settings/thresholds: what is in force there, where each value comes from, and the
 * values the unit sets itself for its subtree (empty = inherited from further up).
 */
export function ThresholdsForm() {
  // Undefined until one is chosen: the server then answers for the admin's own scope.
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const current = useQuery({ queryKey: ["thresholds", unit ?? null], queryFn: () => getRateSettings(unit), ...adminQuery });
  const [note, setNote] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: putRateSettings,
    onMutate: () => setNote(null),
    onSuccess: () => {
      setNote(texts.admin.saved);
      void current.refetch();
    },
  });
  const error = save.error ? save.error.message : null;

  const view = current.data;
  return (
    <section className="admin-panel">
      <p>{T.intro}</p>
      <form
        className="admin-row"
        onSubmit={(e) => {
          e.preventDefault();
          setNote(null);
          setUnit(String(new FormData(e.currentTarget).get("unit") ?? "").trim() || undefined);
        }}
      >
        <label htmlFor="thresholds-unit">
          {T.unit}
          <UnitPicker
            id="thresholds-unit"
            name="unit"
            label={T.unit}
            value={picked ?? current.data?.unit.code ?? ""}
            onChange={setPicked}
          />
        </label>
        <button className="button button--ghost" type="submit">
          {T.show}
        </button>
      </form>
      {!view || (unit !== undefined && view.unit.code !== unit) ? (
        <p>{current.error ? texts.admin.loadFailed(current.error.message) : texts.admin.loading}</p>
      ) : (
        <ThresholdsEditor
          view={view}
          metricKeys={METRIC_KEYS}
          metricLabels={T.metrics}
          onSave={(update) => save.mutate(update)}
          saving={save.isPending}
        />
      )}
      {note && (
        <p className="admin-ok" role="status">
          {note}
        </p>
      )}
      {error && <p className="admin-error">{error}</p>}
    </section>
  );
}
