/**
 * The start-up rule (issue 17): surveys/*.json are the defaults a deployment starts with, and a
 * start publishes a file only when THE FILE changed since it was last published from the file,
 * never over a version made in the editor. Each "restart" is a new app on the same database
 * file, bootstrapped as server/node.ts does.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedSurveys } from "../../../surveys/index";
import { bootstrapDatabase } from "../../../server/services/setup/bootstrap";
import { createTestApp } from "../../helpers/test-app";
import { editorCalls, element } from "./editor-fixtures";

let dir: string;
let url: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cw-startup-"));
  url = `file:${join(dir, "test.db")}`;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function versions(t: Awaited<ReturnType<typeof createTestApp>>) {
  const rs = await t.client.execute("select version, source from survey_versions where survey_id = 'resident' order by version");
  return rs.rows.map((r) => [Number(r.version), String(r.source)]);
}

describe("start-up publishes a survey file only when the file changed", () => {
  it("editor version 2 survives a restart with the unchanged file; a changed file becomes version 3; no more after that", async () => {
    const first = await createTestApp({ databaseUrl: url });
    try {
      const admin = await first.login();
      const editor = editorCalls(first, admin);
      const { body: draft } = await editor.create("resident");
      element(draft.json, "knows_campaign").choices[0].text = "知道（编辑器改的）";
      await editor.save(draft.id, draft.json, 0);
      expect((await editor.publish(draft.id)).body).toEqual({ surveyId: "resident", version: 2 });
    } finally {
      first.close();
    }

    // Restart with the same files: the editor's version stays current.
    const second = await createTestApp({ databaseUrl: url });
    try {
      expect(second.boot.published).toEqual([]);
      expect(await versions(second)).toEqual([
        [1, "file"],
        [2, "editor"],
      ]);
      const current = (await (await second.request("/api/v1/surveys/resident")).json()) as any;
      expect([current.version, element(current.json, "knows_campaign").choices[0].text]).toEqual([2, "知道（编辑器改的）"]);

      // A new build ships a changed file: it becomes the next version, after the editor's.
      const resident = shippedSurveys.find((s) => s.id === "resident")!;
      const changedFile = { id: "resident", json: { ...resident.json, title: "居民问卷（2027版）" } };
      const files = [changedFile, ...shippedSurveys.filter((s) => s.id !== "resident")];
      const restart = await bootstrapDatabase(second.db, second.config, files, new Date());
      expect(restart.published.map((v) => [v.surveyId, v.version, v.source])).toEqual([["resident", 3, "file"]]);
      // Starting again with that file publishes nothing; the other surveys were never touched.
      expect((await bootstrapDatabase(second.db, second.config, files, new Date())).published).toEqual([]);
      expect(await versions(second)).toEqual([
        [1, "file"],
        [2, "editor"],
        [3, "file"],
      ]);
      const rs = await second.client.execute("select count(*) as n from survey_versions where survey_id <> 'resident'");
      expect(Number(rs.rows[0]!.n)).toBe(2);
    } finally {
      second.close();
    }
  });
});
