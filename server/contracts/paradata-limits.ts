/**
 * Bounds of one interview's paradata (contracts/paradata.ts), in a module without zod so the
 * tablet can cap what it sends: generous for our questionnaires, small beside the 64 KiB body limit.
 */
export const PARADATA_MAX_PAGES = 100;
export const PARADATA_MAX_QUESTIONS = 300;
