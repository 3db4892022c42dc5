/**
 * Shapes of the questionnaire-editor endpoints (docs/api.md, "Questionnaire editor"), derived
 * from the server's routes through the typed client.
 */
import type { InferRequestType, InferResponseType } from "hono/client";
import type { api } from "../../lib/api-client";
import type { SurveyJson } from "./lib/survey-json";

type Drafts = (typeof api)["survey-drafts"];

/** GET /survey-drafts/:id; the JSON typed for the editor's operations. */
export type SurveyDraft = Omit<InferResponseType<Drafts[":id"]["$get"], 200>, "json"> & { json: SurveyJson };
export type Problem = SurveyDraft["problems"][number];
export type DraftSummary = InferResponseType<Drafts["$get"], 200>["drafts"][number];
export type SurveyTemplate = InferResponseType<Drafts["templates"]["$get"], 200>["templates"][number];
export type BankItem = InferResponseType<Drafts["item-bank"]["$get"], 200>["items"][number];
export type DraftDiff = InferResponseType<Drafts[":id"]["diff"]["$get"], 200>;
export type NewSurveyBody = InferRequestType<Drafts["new"]["$post"]>["json"];

/** GET /surveys: the current version of each survey, with `retiredAt` (null while in use). */
export type PublishedSurvey = InferResponseType<(typeof api)["surveys"]["$get"], 200>[number];
