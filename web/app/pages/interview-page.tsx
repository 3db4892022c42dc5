import { useEffect } from "react";
import { InterviewApp } from "../../features/interview/components/interview-app";
import { texts } from "../../lib/i18n";

/** /interview — the offline tablet app for survey teams (its own login, works without signal). */
export default function InterviewPage() {
  useEffect(() => {
    document.title = `${texts.interview.title} · ${texts.appName}`;
  }, []);
  return <InterviewApp />;
}
