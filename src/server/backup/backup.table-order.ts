/**
 * Orders tables so that every table comes after the tables its foreign keys reference (Kahn's algorithm, ties by
 * name so the order is stable). Self-references are ignored. Tables caught in a reference cycle come last, by
 * name: loading them needs DEFERRABLE constraints, which the restore defers.
 */
export function dependencyOrder<T extends { name: string; dependsOn: readonly string[] }>(tables: readonly T[]): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const waitingOn = new Map<string, Set<string>>();
  for (const t of tables) {
    waitingOn.set(t.name, new Set(t.dependsOn.filter((d) => d !== t.name && byName.has(d))));
  }
  const ordered: T[] = [];
  const done = new Set<string>();
  for (;;) {
    const ready = [...waitingOn.entries()]
      .filter(([name, deps]) => !done.has(name) && [...deps].every((d) => done.has(d)))
      .map(([name]) => name)
      .sort();
    if (ready.length === 0) break;
    for (const name of ready) {
      done.add(name);
      ordered.push(byName.get(name)!);
    }
  }
  const rest = tables.filter((t) => !done.has(t.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...ordered, ...rest];
}
