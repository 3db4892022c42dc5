import { useEffect } from "react";
import { texts } from "../texts";
import { Placeholder } from "./placeholder";

/** /interview — the offline tablet app for survey teams (to come). */
export default function InterviewPage() {
  useEffect(() => {
    document.title = `${texts.pages.interviewTitle} · ${texts.appName}`;
  }, []);
  return (
    <div className="standalone-page">
      <Placeholder title={texts.pages.interviewTitle} body={texts.pages.interviewBody} />
    </div>
  );
}
