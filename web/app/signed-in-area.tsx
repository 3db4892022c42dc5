import { Route, Switch } from "wouter";
import { RequireSession } from "../features/auth/components/require-session";
import { AuthenticatedShell } from "./authenticated-shell";
import { AccountPasswordPage } from "./pages/account-password-page";
import { AdminPage } from "./pages/admin-page";
import { AdminPosterPrintPage } from "./pages/admin-poster-print-page";
import { DashboardMethodsPage } from "./pages/dashboard-methods-page";
import { DashboardPage } from "./pages/dashboard-page";
import { DashboardReportPage } from "./pages/dashboard-report-page";
import { FieldProgressPage } from "./pages/field-progress-page";
import { FieldReviewPage } from "./pages/field-review-page";
import { IssueListPage } from "./pages/issue-list-page";
import { NotFoundPage } from "./pages/not-found-page";
import { SurveyEditorPage } from "./pages/survey-editor-page";

/** Everything behind a login: session check, then the shell around the office pages. */
export default function SignedInArea() {
  return (
    <RequireSession>
      <AuthenticatedShell>
        <Switch>
          <Route path="/dashboard/report" component={DashboardReportPage} />
          <Route path="/dashboard/field" component={FieldProgressPage} />
          <Route path="/dashboard/review" component={FieldReviewPage} />
          <Route path="/dashboard/methods" component={DashboardMethodsPage} />
          <Route path="/dashboard/issues" component={IssueListPage} />
          <Route path="/dashboard" component={DashboardPage} />
          <Route path="/admin/posters/print">{() => <AdminPosterPrintPage />}</Route>
          <Route path="/admin/posters/:id">{(params) => <AdminPosterPrintPage id={params.id} />}</Route>
          <Route path="/admin/editor/:draftId">{(params) => <SurveyEditorPage draftId={params.draftId} />}</Route>
          <Route path="/admin/:section" component={AdminPage} />
          <Route path="/admin" component={AdminPage} />
          <Route path="/account/password" component={AccountPasswordPage} />
          <Route component={NotFoundPage} />
        </Switch>
      </AuthenticatedShell>
    </RequireSession>
  );
}
