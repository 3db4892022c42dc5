/**
 * The questionnaires this build ships. Static imports (not a directory scan) so the Worker bundle
 * carries them too; add a new audience here and in its JSON file.
 */
import parent from "./parent.json";
import resident from "./resident.json";
import shopkeeper from "./shopkeeper.json";

export interface SurveyFile {
  id: string;
  json: Record<string, unknown>;
}

export const shippedSurveys: SurveyFile[] = [
  { id: "resident", json: resident as Record<string, unknown> },
  { id: "shopkeeper", json: shopkeeper as Record<string, unknown> },
  { id: "parent", json: parent as Record<string, unknown> },
];
