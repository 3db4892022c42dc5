import { keepPreviousData } from "@tanstack/react-query";

/**
 * How the admin pages load their lists: once per mount and on explicit refetch, no silent retries
 * (an error shows at once, with the server's message), and the previous list stays on screen while
 * a changed filter loads.
 */
export const adminQuery = { retry: false, refetchOnWindowFocus: false, placeholderData: keepPreviousData } as const;
