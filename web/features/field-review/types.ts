import type { InferRequestType, InferResponseType } from "hono/client";
import type { api } from "../../lib/api-client";

type FR = (typeof api)["field-review"];

export type QueueQuery = InferRequestType<FR["interviews"]["$get"]>["query"];
export type QueueInterview = InferResponseType<FR["interviews"]["$get"], 200>["interviews"][number];
export type BackCheck = InferResponseType<FR["back-checks"]["$get"], 200>["backChecks"][number];
export type Agreement = InferResponseType<FR["agreement"]["$get"], 200>;
export type BackCheckAnswers = Record<string, unknown>;
export type { ReviewState, SettableState } from "../../../server/contracts/field-review-states";
