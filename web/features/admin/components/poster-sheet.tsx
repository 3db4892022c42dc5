import { texts } from "../../../lib/i18n";
import { qrSvgUrl } from "../api/posters";
import { posterLink, posterPlace } from "../lib/poster-text";
import type { PosterDetail } from "../types";

const T = texts.admin.poster;

/** One A4 poster: campaign heading, survey title, unit, QR code, short instruction, poster id. */
export function PosterSheet({ poster }: { poster: PosterDetail }) {
  const link = posterLink(poster.url);
  return (
    <article className="poster-sheet" data-poster={poster.id}>
      <header className="poster-sheet__head">
        <p className="poster-sheet__campaign">{T.heading}</p>
        <h1 className="poster-sheet__title">{poster.surveyTitle}</h1>
      </header>
      <p className="poster-sheet__unit">{posterPlace(poster.fullName) || poster.unitName}</p>
      <img className="poster-sheet__qr" src={qrSvgUrl(poster.id)} alt={poster.url} width={480} height={480} />
      <p className="poster-sheet__instruction">{T.instruction(poster.audience)}</p>
      <p className="poster-sheet__privacy">{T.privacy}</p>
      <footer className="poster-sheet__foot">
        <span>{T.idLabel(poster.id)}</span>
        <span className="poster-sheet__url" data-testid="poster-url">
          <span>{link.head}</span>
          <wbr />
          <span>{link.token}</span>
        </span>
      </footer>
    </article>
  );
}
