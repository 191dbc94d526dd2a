/** A unit version without its geometry: enough to read unit codes in files and to count by level. */
export type UnitRef = {
  id: number;
  code: string;
  level: number;
  parentCode: string | null;
  validFromYear: number;
  validToYear: number | null;
};

const validIn = (u: UnitRef, year: number) => u.validFromYear <= year && (u.validToYear === null || u.validToYear > year);

/**
 * The unit a file's unit code means in a year: the version valid that year, at the finest level holding the code
 * (a code used at two levels names the finer unit).
 */
export function unitCodeLookup(units: readonly UnitRef[]): (code: string, year: number) => number | undefined {
  const byCode = new Map<string, UnitRef[]>();
  for (const u of units) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);
  for (const list of byCode.values()) list.sort((a, b) => b.level - a.level);
  return (code, year) => byCode.get(code)?.find((u) => validIn(u, year))?.id;
}

/** The finest level of a city's units; undefined when it has none. */
export function finestLevel(units: readonly UnitRef[]): number | undefined {
  return units.length === 0 ? undefined : Math.max(...units.map((u) => u.level));
}

/**
 * For counts at `level`: the code at that level of the unit with each id, following parent codes up from finer
 * levels (a ward counts for its district). A unit coarser than `level`, or whose parents are not known, keeps its
 * own code and is listed in `unplaced`.
 */
export function codesAtLevel(units: readonly UnitRef[], level: number): { codeOf: Map<number, string>; unplaced: Set<string> } {
  const parentOf = new Map<string, string | null>();
  for (const u of units) if (!parentOf.has(`${u.level}:${u.code}`) || u.parentCode) parentOf.set(`${u.level}:${u.code}`, u.parentCode);
  const codeOf = new Map<number, string>();
  const unplaced = new Set<string>();
  for (const u of units) {
    // The first step uses this version's own parent; coarser steps the parent codes by level.
    let code: string | null = u.level > level ? u.parentCode : u.code;
    let l = u.level > level ? u.level - 1 : u.level;
    while (code !== null && l > level) {
      code = parentOf.get(`${l}:${code}`) ?? null;
      l--;
    }
    if (code === null || l !== level) {
      unplaced.add(u.code);
      codeOf.set(u.id, u.code);
    } else {
      codeOf.set(u.id, code);
    }
  }
  return { codeOf, unplaced };
}

/** The distinct codes of one level, of the versions valid in some year of [fromYear, toYear] (all when unbounded). */
export function unitCodes(units: readonly UnitRef[], level: number, fromYear?: number, toYear?: number): string[] {
  const codes = new Set<string>();
  for (const u of units) {
    if (u.level !== level) continue;
    if (toYear !== undefined && u.validFromYear > toYear) continue;
    if (fromYear !== undefined && u.validToYear !== null && u.validToYear <= fromYear) continue;
    codes.add(u.code);
  }
  return [...codes].sort();
}
