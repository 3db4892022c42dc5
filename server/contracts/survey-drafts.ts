import { z } from "zod";
import { surveyIdSchema } from "./posters";
import { AUDIENCES } from "./rates";

/**
 * The questionnaire editor's API (issue 17, /work contract "editor-contract"): drafts of a
 * survey's next version, new surveys, and retiring. Shared with web/features/survey-editor.
 */

/** One finding of the survey lint (server/services/surveys/lint/): Chinese message, for the editor. */
export interface SurveyProblem {
  level: "error" | "warning";
  code: string;
  message: string;
  /** The question it is about, by name. */
  question?: string;
  /** The page it is about, by name. */
  page?: string;
}

/** Id of a survey made in the editor: becomes part of export file names and rollup keys. */
export const newSurveyIdSchema = z.string().regex(/^[a-z][a-z0-9-]{2,40}$/, "问卷编号须为 3-41 位小写字母、数字或连字符，以字母开头");

/** POST /api/v1/survey-drafts: a draft of the survey's next version, from its current one. */
export const createDraftSchema = z.strictObject({ surveyId: surveyIdSchema });

/** POST /api/v1/survey-drafts/new: a draft of a survey that does not exist yet. */
export const newSurveySchema = z.strictObject({
  surveyId: newSurveyIdSchema,
  title: z.string().trim().min(1, "请填写问卷标题").max(100, "标题过长"),
  audience: z.enum(AUDIENCES),
  from: z.union([z.strictObject({ template: z.string().min(1).max(64) }), z.strictObject({ copyOf: surveyIdSchema })]),
});
export type NewSurvey = z.infer<typeof newSurveySchema>;

/** A question or panel: the lint judges its properties; here only that it is an object with a type. */
type ElementShape = { type: string; name?: string; elements?: ElementShape[] } & Record<string, unknown>;
const elementSchema: z.ZodType<ElementShape> = z.lazy(() =>
  z.looseObject({ type: z.string().max(40), name: z.string().max(200).optional(), elements: z.array(elementSchema).max(200).optional() }),
);

/**
 * The SurveyJS JSON a draft holds: pages of elements, each an object, so every reader (the lint,
 * the diff, survey-core) can walk it; what the properties mean is the lint's to say, as problems.
 */
const draftShape = z.looseObject({
  pages: z.array(z.looseObject({ name: z.string().max(200).optional(), elements: z.array(elementSchema).max(200).optional() })).max(50),
});

/**
 * Typed as any JSON object (the contract's `json: object`, so the editor's client needs no
 * SurveyJS types), checked for that shape.
 */
export const draftJsonSchema = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const shape = draftShape.safeParse(value);
  for (const issue of shape.success ? [] : shape.error.issues) {
    ctx.addIssue({ code: "custom", message: issue.message, path: issue.path.filter((p) => typeof p !== "symbol") });
  }
});

/** PUT /api/v1/survey-drafts/:id: the whole JSON, and the revision the editor last saw. */
export const updateDraftSchema = z.strictObject({
  json: draftJsonSchema,
  revision: z.number().int().min(0),
});
export type UpdateDraft = z.infer<typeof updateDraftSchema>;
