import { QueryClient } from "@tanstack/react-query";

/**
 * The one query cache of the app, mounted at the root (web/main.tsx) so every page loads data the
 * same way. Polling pauses while the tab is hidden and refreshes on focus (react-query defaults,
 * which the dashboard's live view relies on).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: true } } });
}
