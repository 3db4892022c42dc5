import { compileValidator } from "../validation/compiled-validator";
import { createSurveyCoreValidator } from "../validation/survey-core-validator";
import { error, type SurveyProblem, warning } from "./problem";
import type { Json } from "./survey-walk";

/**
 * The server checks every answer with the validator compiled from the version's JSON, or with
 * survey-core's when the compiler does not model a feature: both must take the survey before it
 * is published, or its first answer would fail on the server instead of in the editor.
 */
export function validatorRules(json: Json): SurveyProblem[] {
  try {
    const compiled = compileValidator(json);
    (compiled ?? createSurveyCoreValidator(json))({});
    return compiled ? [] : [warning("validator_fallback", "问卷用到了服务器校验不直接支持的设置，将改用较慢的通用校验")];
  } catch (e) {
    return [error("validator_failed", `服务器无法校验该问卷的答案：${e instanceof Error ? e.message : String(e)}`)];
  }
}
