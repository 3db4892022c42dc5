/**
 * Routes. The respondent page is in the entry chunk (it is what most visitors open, from a QR
 * code on a phone); everything behind a login is loaded on demand.
 */
import { lazy, Suspense } from "react";
import { Redirect, Route, Switch } from "wouter";
import { texts } from "../lib/i18n";
import { RespondentPage } from "./pages/respondent-page";
import { NotFoundPage } from "./pages/not-found-page";

const LoginPage = lazy(() => import("./pages/login-page"));
const InterviewPage = lazy(() => import("./pages/interview-page"));
const SignedInArea = lazy(() => import("./signed-in-area"));
const SurveyPreviewPage = lazy(() => import("./pages/survey-preview-page"));

/** Paths served inside the authenticated shell; one shell instance survives navigation between them. */
const SIGNED_IN_PATHS = /^\/(dashboard|admin|account)(\/.*)?$/;

export function AppRouter() {
  return (
    <Suspense fallback={<p className="page-status">{texts.common.loading}</p>}>
      <Switch>
        <Route path="/q/:token">{(params) => <RespondentPage token={params.token} />}</Route>
        <Route path="/login" component={LoginPage} />
        <Route path="/interview" component={InterviewPage} />
        <Route path="/survey-preview/:draftId">{(params) => <SurveyPreviewPage draftId={params.draftId} />}</Route>
        <Route path="/">
          <Redirect to="/dashboard" replace />
        </Route>
        <Route path={SIGNED_IN_PATHS} component={SignedInArea} />
        <Route component={NotFoundPage} />
      </Switch>
    </Suspense>
  );
}
