import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link, useSearch } from "wouter";
import { getPoster } from "../../features/admin/api/posters";
import { PosterSheet } from "../../features/admin/components/poster-sheet";
import "../../features/admin/admin.css";
import { texts } from "../../lib/i18n";

const T = texts.admin.poster;

/**
 * /admin/posters/:id (one poster) and /admin/posters/print?ids=a,b,c (a batch): A4 pages, one
 * poster per printed page (CSS print; "Save as PDF" in the print dialog gives the PDF).
 */
export function AdminPosterPrintPage({ id }: { id?: string }) {
  const search = useSearch();
  const ids = id ? [id] : (new URLSearchParams(search).get("ids") ?? "").split(",").filter(Boolean);
  const key = ids.join(",");
  useEffect(() => {
    document.title = `${texts.admin.tabs.posters} · ${texts.appName}`;
  }, []);
  const query = useQuery({
    queryKey: ["admin", "poster-sheets", key],
    queryFn: () => Promise.all(key.split(",").filter(Boolean).map(getPoster)),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const posters = query.data ?? null;
  const error = query.error?.message ?? null;
  return (
    <section>
      <div className="poster-toolbar">
        <Link href="/admin/posters">{T.back}</Link>
        <button className="button" type="button" onClick={() => window.print()} disabled={!posters}>
          {T.print}
        </button>
      </div>
      {error && <p className="admin-error">{texts.admin.loadFailed(error)}</p>}
      {!posters && !error && <p>{texts.admin.loading}</p>}
      <div className="poster-sheets">
        {posters?.map((p) => (
          <PosterSheet key={p.id} poster={p} />
        ))}
      </div>
    </section>
  );
}
