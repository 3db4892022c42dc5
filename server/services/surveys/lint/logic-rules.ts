import { ConditionsParser, Model, type Question, QuestionBooleanModel, QuestionRatingModel, QuestionSelectBase } from "survey-core";
import { error, type SurveyProblem } from "./problem";
import { answerQuestions, answerValues, expressions, type Json, metricQuestions, pageOf, prop, shown } from "./survey-walk";

/** "$.pages[2].elements[0].visibleIf" → the name of the element or page that holds it. */
function ownerOf(json: Json, path: string): string | undefined {
  const steps = [...path.matchAll(/\.(\w+)|\[(\d+)\]/g)].map((m) => m[1] ?? Number(m[2]));
  let node: unknown = json;
  let owner: string | undefined;
  for (const step of steps.slice(0, -1)) {
    node = (node as Record<string | number, unknown> | undefined)?.[step];
    const name = (node as Json | undefined)?.name;
    if (typeof name === "string") owner = name;
  }
  return owner;
}

/** Every expression parses in survey-core's own parser and names only questions and calculated values it has. */
export function expressionRules(json: Json, model: Model): SurveyProblem[] {
  const out: SurveyProblem[] = [];
  const known = new Set([...model.getAllQuestions().map((q) => q.name), ...model.calculatedValues.map((c) => c.name)]);
  const parser = new ConditionsParser();
  for (const [path, expr] of expressions(json)) {
    const question = ownerOf(json, path);
    const operand = parser.parseExpression(expr);
    if (!operand) {
      out.push(error("expression_syntax", `${question ?? "问卷"}：条件 ${expr} 无法解析`, { question }));
      continue;
    }
    const vars: string[] = [];
    operand.setVariables(vars);
    for (const v of vars) {
      const name = v.replace(/-Comment$/, "").split(/[.[]/)[0]!;
      if (!known.has(name))
        out.push(error("expression_unknown_name", `${question ?? "问卷"}：条件中的 {${v}} 不是本问卷的题目`, { question }));
    }
  }
  return out;
}

/** How many questions a model shows now: what a fill choice is judged by. */
const shownCount = (m: Model) => answerQuestions(m).filter(shown).length;

/**
 * Answers every shown, unanswered question until nothing changes: a metric question its first
 * positive value, any other closed question the value that leaves the most questions shown (so a
 * screening question is answered as an eligible respondent would), open ones something plausible.
 */
function fillVisible(m: Model, conditional: Set<string>): void {
  for (let round = 0; round < 10; round++) {
    const todo = answerQuestions(m).filter((q) => shown(q) && q.isEmpty());
    if (todo.length === 0) return;
    for (const q of todo) fillOne(m, q, conditional.has(q.name));
  }
}

/** Names some expression reads: only their answers can change what is shown. */
function namesInConditions(json: Json): Set<string> {
  const parser = new ConditionsParser();
  const names = new Set<string>();
  for (const [, expr] of expressions(json)) {
    const vars: string[] = [];
    parser.parseExpression(expr)?.setVariables(vars);
    for (const v of vars) names.add(v.replace(/-Comment$/, "").split(/[.[]/)[0]!);
  }
  return names;
}

function fillOne(m: Model, q: Question, steersConditions: boolean): void {
  const positive = prop(q, "positive") as unknown[] | undefined;
  if (Array.isArray(positive) && positive.length) {
    q.value = positive[0];
    return;
  }
  if (q.getType() === "checkbox") {
    q.value = [answerValues(q)[0]];
    return;
  }
  if (q instanceof QuestionSelectBase || q instanceof QuestionRatingModel || q instanceof QuestionBooleanModel) {
    if (!steersConditions) {
      q.value = q instanceof QuestionBooleanModel ? true : answerValues(q)[0];
      return;
    }
    let best: { value: unknown; count: number } | undefined;
    for (const value of answerValues(q)) {
      q.value = value;
      const count = shownCount(m);
      if (!best || count > best.count) best = { value, count };
    }
    q.value = best?.value;
    return;
  }
  if (q.getType() === "text") q.value = q.getPropertyValue("min") ?? "1";
  else q.value = "无";
}

/**
 * Nothing makes a required question unreachable: a respondent answering positively can complete
 * the survey (survey-core's own validation passes), and every metric question without a condition
 * of its own is shown to them.
 */
export function completionRules(json: Json): SurveyProblem[] {
  const m = new Model(json);
  try {
    fillVisible(m, namesInConditions(json));
    const out: SurveyProblem[] = [];
    if (!m.validate(true, false)) {
      for (const q of m.getAllQuestions(true).filter((x) => x.errors.length)) {
        const why = q.errors.map((e) => e.getText()).join("；");
        out.push(error("not_completable", `${q.name}：按正常作答无法通过（${why}）`, { question: q.name, page: pageOf(q) }));
      }
    }
    for (const q of metricQuestions(m).filter((x) => !x.visibleIf && !shown(x))) {
      out.push(
        error("metric_unreachable", `${q.name}：指标题对正常作答的受访者不显示，无法计入指标`, { question: q.name, page: pageOf(q) }),
      );
    }
    return out;
  } finally {
    m.dispose();
  }
}
