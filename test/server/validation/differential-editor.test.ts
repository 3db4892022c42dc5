/**
 * The differential check on a version made in the editor (issue 17): the resident survey with a
 * bank item added (shown only to who knows the campaign), a choice removed, "最多选 N 项" and a
 * number range changed, published through the draft services on a real database. The compiled
 * validator must give survey-core's verdict on it as on the shipped files. 1,000 cases, not the
 * shipped surveys' 10,000: the editor's edits are what is new here, the rest is covered there.
 */
import { describe, expect, it } from "vitest";
import itemBank from "../../../surveys/item-bank.json";
import { createDraft } from "../../../server/services/surveys/drafts/draft-create";
import { publishDraft } from "../../../server/services/surveys/drafts/draft-publish";
import { saveDraft } from "../../../server/services/surveys/drafts/draft-save";
import { getVersionRow } from "../../../server/services/surveys/surveys";
import { runDifferential } from "../../helpers/differential";
import { createTestApp } from "../../helpers/test-app";

type Json = Record<string, any>;
const find = (json: Json, name: string): Json => json.pages.flatMap((p: Json) => p.elements).find((e: Json) => e.name === name);

async function editorMadeResident(): Promise<Record<string, unknown>> {
  const t = await createTestApp();
  try {
    const now = new Date();
    const { draft } = await createDraft(t.db, "admin", "resident", now);
    const json = JSON.parse(draft.json) as Json;
    const added = structuredClone(itemBank.items.find((i) => i.id === "satisfaction-garbage-sorting")!.element) as Json;
    added.visibleIf = "{knows_campaign} = 'yes'";
    json.pages.find((p: Json) => p.name === "satisfaction").elements.push(added);
    const info = find(json, "info_source");
    info.choices = info.choices.filter((c: Json) => c.value !== "newspaper");
    info.maxSelectedChoices = 2;
    info.validators = [{ type: "answercount", maxCount: 2, text: "最多选择2项" }];
    const size = find(json, "household_size");
    size.max = 12;
    size.validators = [{ type: "numeric", minValue: 1, maxValue: 12, text: "请填写1到12之间的整数" }];
    await saveDraft(t.db, "admin", draft.id, { json, revision: 0 }, now);
    const outcome = await publishDraft(t.db, "admin", draft.id, now);
    expect(outcome).toEqual({ published: true, surveyId: "resident", version: 2 });
    return JSON.parse((await getVersionRow(t.db, "resident", 2))!.json);
  } finally {
    t.close();
  }
}

describe("compiled validation of an editor-made version of the resident survey", () => {
  it("gives SurveyJS's verdict and messages on 1,000 generated answer sets", async () => {
    const json = await editorMadeResident();
    const result = runDifferential({ id: "resident-editor", json }, { total: 1_000, bases: 100 });
    expect(result.checked).toBe(1_000);
    expect(result.valid).toBeGreaterThan(100);
    expect(result.checked - result.valid).toBeGreaterThan(300);
    expect(result.kindsSeen).toBeGreaterThanOrEqual(6);
  }, 900_000);
});
