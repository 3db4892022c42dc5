import { shippedSurveys } from "../../surveys/index";
import { generateAnswers, seededRng } from "../../test/helpers/answer-generator";

/**
 * Bodies of resident QR submissions for a load run: answers drawn from a seeded pool of valid
 * sets, a new id and device per request (so nothing is a duplicate or a repeat device).
 */
export function residentSubmissions(token: string, options: { newId: () => string; seed: number }): (i: number) => string {
  const resident = shippedSurveys.find((s) => s.id === "resident")!.json;
  const rng = seededRng(options.seed);
  const pool = Array.from({ length: 300 }, () => generateAnswers(resident, rng));
  const now = Date.now();
  return (i) =>
    JSON.stringify({
      id: options.newId(),
      surveyId: "resident",
      surveyVersion: 1,
      channel: "qr",
      token,
      answers: pool[i % pool.length],
      startedAt: new Date(now - 300_000).toISOString(),
      completedAt: new Date(now).toISOString(),
      deviceId: `bench-${i}-${Math.random()}`,
    });
}
