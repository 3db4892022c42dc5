/**
 * The inside of an ingest shard, without the Durable Object around it (so in-process tests can run
 * it on an embedded database): it turns a submission back into the writer's row and hands it to
 * the one grouped writer of the shard, which commits whatever arrived together in one transaction.
 */
import { isStorageUnavailableError } from "../db/storage-errors";
import type { NewResponse, ResponseWriter } from "../services/ingest/response-writer";
import type { SurveyRegistry } from "../services/surveys/survey-registry";
import type { ShardAnswer, ShardSubmission } from "./shard-protocol";

export interface ShardDeps {
  registry: SurveyRegistry;
  /** Grouped (createResponseWriter's default): the point of the shard. */
  writer: ResponseWriter;
}

export function createShardHandler(deps: ShardDeps): (submission: ShardSubmission) => Promise<ShardAnswer> {
  return async (submission) => {
    try {
      const survey = await deps.registry.get(submission.surveyId, submission.surveyVersion);
      // The Worker checked the version; a shard that cannot find it reads another database.
      if (!survey) throw new Error(`survey ${submission.surveyId}@${submission.surveyVersion} is not in the shard's database`);
      const row: NewResponse = {
        ...submission,
        // Canonical JSON parses to the same values the Worker counted from.
        answerValues: JSON.parse(submission.answers) as Record<string, unknown>,
        metricQuestions: survey.metricQuestions,
        commentQuestions: survey.commentQuestions,
        distributionQuestions: survey.distributionQuestions,
      };
      return await deps.writer.submit(row);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isStorageUnavailableError(error)) return { error: "storage_unavailable", message };
      console.error("ingest shard write failed", error);
      return { error: "internal", message };
    }
  };
}
