// Group items into consecutive runs by day, keeping the order they come in.
// Items already sorted by time give one group per day.

export interface DayGroup<T> { day: string; items: T[] }

export function groupByDay<T>(items: readonly T[], dayOf: (item: T) => string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  const index = new Map<string, DayGroup<T>>();
  for (const item of items) {
    const day = dayOf(item);
    let group = index.get(day);
    if (!group) {
      group = { day, items: [] };
      index.set(day, group);
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}
