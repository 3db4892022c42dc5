/**
 * The custom SurveyJS properties that turn a questionnaire item into a campaign metric
 * (docs/design.md §5). Imported once by the server and by the web app, so a survey JSON that carries
 * `metric`, `positive`, `excluded` or `scores` loads without JSON errors on both sides.
 *
 * @example
 * { "type": "radiogroup", "name": "knows_campaign", "metric": "awareness",
 *   "positive": ["yes"], "choices": [{ "value": "yes", "text": "知道" }, ...] }
 */
import { Serializer } from "survey-core";

import { METRICS } from "./metrics";

export { METRICS, type Metric } from "./metrics";

/** Question types that hold one value, the only ones a metric may use. */
export const SINGLE_VALUED_TYPES = ["radiogroup", "dropdown", "boolean", "rating"] as const;

let registered = false;

/** Registers the properties; safe to call more than once (module graphs may load it twice). */
export function registerSurveyProperties(): void {
  if (registered || Serializer.findProperty("question", "metric")) {
    registered = true;
    return;
  }
  registered = true;
  Serializer.addProperty("survey", { name: "audience", category: "general" });
  Serializer.addProperty("question", { name: "metric", choices: [...METRICS], category: "metric" });
  // Arrays and maps of choice values: kept as plain JSON, read by our own code, never rendered.
  Serializer.addProperty("question", { name: "positive", type: "plainobject" as never, category: "metric" });
  Serializer.addProperty("question", { name: "excluded", type: "plainobject" as never, category: "metric" });
  Serializer.addProperty("question", { name: "scores", type: "plainobject" as never, category: "metric" });
}

registerSurveyProperties();
