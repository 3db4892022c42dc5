import { Route, Switch } from "wouter";
import { RequireSession } from "../features/auth/components/require-session";
import { AuthenticatedShell } from "./authenticated-shell";
import { AdminPage } from "./pages/admin-page";
import { DashboardPage } from "./pages/dashboard-page";
import { DashboardReportPage } from "./pages/dashboard-report-page";
import { FieldProgressPage } from "./pages/field-progress-page";
import { NotFoundPage } from "./pages/not-found-page";

/** Everything behind a login: session check, then the shell around the office pages. */
export default function SignedInArea() {
  return (
    <RequireSession>
      <AuthenticatedShell>
        <Switch>
          <Route path="/dashboard/report" component={DashboardReportPage} />
          <Route path="/dashboard/field" component={FieldProgressPage} />
          <Route path="/dashboard" component={DashboardPage} />
          <Route path="/admin" component={AdminPage} />
          <Route component={NotFoundPage} />
        </Switch>
      </AuthenticatedShell>
    </RequireSession>
  );
}
