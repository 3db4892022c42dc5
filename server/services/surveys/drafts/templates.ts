import itemBank from "../../../../surveys/item-bank.json";
import { shippedSurveys } from "../../../../surveys/index";
import { extraTemplates } from "../../../../surveys/templates/index";
import { surveyTitle } from "../surveys";

/** One tested campaign item (surveys/item-bank.json): a SurveyJS question already tagged per §5. */
export interface BankItem {
  id: string;
  audience: string[];
  metric?: string;
  title: string;
  note?: string;
  element: Record<string, unknown>;
}

export const ITEM_BANK: BankItem[] = itemBank.items as BankItem[];

/** Templates a new survey starts from: the shipped questionnaires and the extra ones. */
const TEMPLATES = [...shippedSurveys, ...extraTemplates];

export function listTemplates(): { id: string; title: string; audience: string }[] {
  return TEMPLATES.map((t) => ({ id: t.id, title: surveyTitle(t.json, t.id), audience: String(t.json.audience) }));
}

/** A deep copy of a template's JSON, or undefined for an unknown id. */
export function templateJson(id: string): Record<string, unknown> | undefined {
  const template = TEMPLATES.find((t) => t.id === id);
  return template ? structuredClone(template.json) : undefined;
}
