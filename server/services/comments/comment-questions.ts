/** An open-text question of a survey version: its name and title, for GET /comments. */
export interface CommentQuestion {
  name: string;
  title: string;
}

interface JsonElement {
  type?: string;
  name?: string;
  title?: unknown;
  inputType?: string;
  elements?: JsonElement[];
}

/** Text inputs that still take free words; number, date and the like are data, not comments. */
const FREE_TEXT_INPUTS = new Set([undefined, "text"]);

/**
 * The open-text questions of a survey version (意见建议): `comment` questions and `text` questions
 * without a typed input (number, date, email... are answers, not opinions). Read once per version.
 *
 * @example extractCommentQuestions(json) // [{ name: "suggestions", title: "您对本市...意见和建议？" }]
 */
export function extractCommentQuestions(json: Record<string, unknown>): CommentQuestion[] {
  const out: CommentQuestion[] = [];
  const visit = (elements: JsonElement[] | undefined) => {
    for (const el of elements ?? []) {
      const isText = el.type === "comment" || (el.type === "text" && FREE_TEXT_INPUTS.has(el.inputType));
      if (isText && el.name) out.push({ name: el.name, title: titleText(el.title) ?? el.name });
      visit(el.elements);
    }
  };
  for (const page of (json.pages as JsonElement[] | undefined) ?? []) visit(page.elements);
  visit(json.elements as JsonElement[] | undefined);
  return out;
}

function titleText(title: unknown): string | undefined {
  if (typeof title === "string") return title;
  if (title && typeof title === "object") {
    const t = title as Record<string, string>;
    return t["zh-cn"] ?? t.default;
  }
  return undefined;
}

/** A response's comment rows: the non-blank string answers of its open-text questions. */
export function commentTexts(
  questions: readonly CommentQuestion[],
  answers: Record<string, unknown>,
): { question: string; text: string }[] {
  const out: { question: string; text: string }[] = [];
  for (const q of questions) {
    const value = answers[q.name];
    if (typeof value === "string" && value.trim() !== "") out.push({ question: q.name, text: value.trim() });
  }
  return out;
}
