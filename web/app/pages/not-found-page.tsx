import { Link } from "wouter";
import { texts } from "../../lib/i18n";

export function NotFoundPage() {
  return (
    <div className="standalone-page">
      <section className="placeholder">
        <h1>{texts.common.notFoundTitle}</h1>
        <p>{texts.common.notFoundBody}</p>
        <Link href="/" className="button">
          {texts.common.backHome}
        </Link>
      </section>
    </div>
  );
}
