/** Constants of data subject requests that web/ reads too: a pure module, so no zod reaches the bundle. */

/** What a masked free-text answer and comment read after anonymisation (still answered, so every count stays). */
export const ANONYMISED_TEXT = "［已匿名处理］";

/** Items listed per kind in the on-screen summary; the counts and the export always hold all. */
export const SUBJECT_SUMMARY_ITEMS = 100;
