import { lazy } from "react";

/** The runner chunk (survey-core, survey-react-ui) loads only when a preview is opened. */
export const LazyDraftPreview = lazy(() => import("./draft-preview"));
