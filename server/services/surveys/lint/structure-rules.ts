import { type Model, QuestionSelectBase } from "survey-core";
import { AUDIENCES } from "../../../contracts/rates";
import { error, type SurveyProblem, warning } from "./problem";
import { answerQuestions, type Json, pageOf, rawElements } from "./survey-walk";

/** Types a questionnaire may use; matrices, uploads, signatures and dynamic panels are out. */
const ALLOWED_TYPES = new Set(["radiogroup", "dropdown", "checkbox", "boolean", "rating", "text", "comment", "html", "panel"]);
/** Question names become export columns and expression variables. */
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
/** Stored answer values: short codes that stay the same when a label is reworded. */
const CHOICE_CODE = /^[a-z0-9]+(_[a-z0-9]+)*$/;
const HAN = /\p{Script=Han}/u;
export const MIN_ITEMS = 15;
export const MAX_ITEMS = 30;
export const MIN_PAGES = 4;

/** The survey as a whole: loads in survey-core, names a known audience, Chinese texts, pages. */
export function surveyRules(json: Json, model: Model, expectedAudience: string | undefined): SurveyProblem[] {
  const out: SurveyProblem[] = [];
  for (const e of model.jsonErrors ?? []) out.push(error("json_error", `问卷定义有误：${e.message}`));
  if (typeof json.audience !== "string") out.push(error("audience_missing", "问卷缺少调查对象 (audience)"));
  else if (!(AUDIENCES as readonly string[]).includes(json.audience)) {
    out.push(error("audience_unknown", `调查对象 ${json.audience} 不是居民、商户或家长之一`));
  } else if (expectedAudience !== undefined && json.audience !== expectedAudience) {
    out.push(error("audience_changed", "调查对象不能改变：海报、入户单位和统计都按调查对象区分"));
  }
  if (model.getAllQuestions().length === 0) out.push(error("no_questions", "问卷中没有题目"));
  for (const key of ["title", "description", "completedHtml"]) {
    const value = json[key];
    if (typeof value !== "string" || !HAN.test(value)) {
      const what = { title: "标题", description: "说明", completedHtml: "结束语" }[key];
      const make = key === "title" ? error : warning;
      out.push(make(`${key}_missing`, `问卷${what}应为中文文字`));
    }
  }
  if (json.locale !== undefined) out.push(error("locale_set", "问卷不能设置 locale：界面文字由系统统一提供"));
  if (json.showProgressBar !== "top") out.push(warning("progress_bar", "建议在顶部显示进度条 (showProgressBar: top)"));
  const pages = Array.isArray(json.pages) ? json.pages.length : 0;
  if (pages < MIN_PAGES) out.push(warning("few_pages", `问卷只有 ${pages} 页，建议至少 ${MIN_PAGES} 页，便于手机填写`));
  if ("choicesByUrl" in json) out.push(error("choices_by_url", "不能从网址加载选项 (choicesByUrl)"));
  return out;
}

/** Names unique and snake_case, only the allowed types, a sensible number of items. */
export function elementRules(json: Json, model: Model): SurveyProblem[] {
  const out: SurveyProblem[] = [];
  const seen = new Set<string>();
  for (const { element, page } of rawElements(json)) {
    const name = typeof element.name === "string" ? element.name : "";
    const where = { question: name || undefined, page };
    if (!name) out.push(error("name_missing", "有题目或面板没有名称 (name)", where));
    else if (seen.has(name)) out.push(error("duplicate_name", `名称 ${name} 重复：每个题目的名称必须唯一`, where));
    else if (!SNAKE_CASE.test(name)) out.push(error("name_format", `名称 ${name} 只能用小写字母、数字和下划线，以字母开头`, where));
    if (name) seen.add(name);
    if (!ALLOWED_TYPES.has(String(element.type)))
      out.push(error("type_not_allowed", `${name}：不支持的题型 ${String(element.type)}`, where));
    if ("choicesByUrl" in element) out.push(error("choices_by_url", `${name}：不能从网址加载选项 (choicesByUrl)`, where));
  }
  const count = answerQuestions(model).length;
  if (count > 0 && (count < MIN_ITEMS || count > MAX_ITEMS)) {
    out.push(warning("item_count", `问卷有 ${count} 道题，建议 ${MIN_ITEMS}-${MAX_ITEMS} 道（3-5 分钟填完）`));
  }
  return out;
}

/** Choice values are short ASCII codes (what is stored), their texts Chinese (what is shown). */
export function choiceRules(model: Model): SurveyProblem[] {
  const out: SurveyProblem[] = [];
  for (const q of answerQuestions(model)) {
    if (!(q instanceof QuestionSelectBase)) continue;
    const where = { question: q.name, page: pageOf(q) };
    if (q.choices.length === 0) out.push(error("no_choices", `${q.name}：选择题至少需要一个选项`, where));
    const values = new Set<string>();
    for (const c of q.choices) {
      const value = String(c.value);
      if (values.has(value)) out.push(error("duplicate_choice", `${q.name}：选项值 ${value} 重复`, where));
      values.add(value);
      if (!CHOICE_CODE.test(value) || value.length > 24) {
        out.push(error("choice_value_format", `${q.name}：选项值 ${value} 须为不超过 24 位的小写字母、数字和下划线`, where));
      }
      if (!HAN.test(c.text)) out.push(error("choice_text", `${q.name}：选项 ${value} 的文字应为中文`, where));
    }
  }
  return out;
}
