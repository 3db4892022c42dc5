/**
 * `Link` preload hints for the respondent page, from Vite's build manifest: the SurveyJS chunk
 * and its CSS start downloading with the page itself instead of after the entry script has run,
 * which on a slow phone link saves a few round trips before the first question shows.
 */
interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

const RUNNER_SOURCE = "features/respondent/components/survey-runner.tsx";

export function respondentPreloadLinks(manifest: Record<string, ManifestChunk>): string[] {
  const start = Object.keys(manifest).find((key) => key.endsWith(RUNNER_SOURCE));
  if (!start) return [];
  // The entry and what it imports come with index.html already.
  const loaded = new Set(["index.html", ...(manifest["index.html"]?.imports ?? [])]);
  const links: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || loaded.has(key) || !manifest[key]) return;
    seen.add(key);
    const chunk = manifest[key]!;
    links.push(`</${chunk.file}>; rel=modulepreload`);
    // Vite adds a lazy chunk's stylesheet with crossorigin; a preload without it is a different
    // request (credentials mode), never used, and the CSS is fetched twice.
    for (const css of chunk.css ?? []) links.push(`</${css}>; rel=preload; as=style; crossorigin`);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(start);
  return links;
}

/** The questionnaire request the page makes first, preloaded too; only for well-formed tokens. */
export function questionnairePreloadLink(token: string): string | null {
  return /^[A-Za-z0-9_-]{6,32}\.[A-Za-z0-9_-]{22}$/.test(token) ? `</api/v1/q/${token}>; rel=preload; as=fetch; crossorigin` : null;
}
