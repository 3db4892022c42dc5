/** The item bank's search: the words anywhere in an item (title, note, question text, choices), for an audience and a metric. */
export interface BankEntry {
  audience: string[];
  metric?: string;
  title: string;
  note?: string;
  element: unknown;
}

export function filterBank<T extends BankEntry>(items: readonly T[], words: string, audience: string, metric: string): T[] {
  const needle = words.trim().toLowerCase();
  return items.filter(
    (item) =>
      (!audience || item.audience.includes(audience)) &&
      (!metric || item.metric === metric) &&
      (!needle || `${item.title} ${item.note ?? ""} ${JSON.stringify(item.element)}`.toLowerCase().includes(needle)),
  );
}
