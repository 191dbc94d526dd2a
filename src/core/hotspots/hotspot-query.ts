import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { iccsCodeSchema } from '../reference/iccs.ts';

/**
 * The hotspot request, validated once here for the API and the CLI (`safer hotspots`). Grid and weights are
 * written as in the CLI: `units`, `h3:<res>`, `square:<metres>`; `queen`, `rook`, `knn:<k>`, `band:<metres>`,
 * `ring:<k>`.
 */
export const hotspotMethods = ['gi', 'gistar', 'lisa', 'kde', 'emerging', 'knox'] as const;
export type HotspotMethod = (typeof hotspotMethods)[number];

export type GridSpec = { kind: 'units' } | { kind: 'h3'; res: number } | { kind: 'square'; metres: number };
export type WeightsSpec =
  | { kind: 'queen' }
  | { kind: 'rook' }
  | { kind: 'knn'; k: number }
  | { kind: 'band'; metres: number }
  | { kind: 'ring'; k: number };

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day, YYYY-MM-DD')
  .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a calendar day');

const gridSchema = z.string().transform((s, ctx): GridSpec => {
  if (s === 'units') return { kind: 'units' };
  const h3 = /^h3:(\d+)$/.exec(s);
  if (h3) {
    const res = Number(h3[1]);
    if (res >= 7 && res <= 10) return { kind: 'h3', res };
    ctx.addIssue({ code: 'custom', message: 'H3 resolution must be 7 to 10 (the aggregate is kept at 10)' });
    return z.NEVER;
  }
  const sq = /^square:(\d+(?:\.\d+)?)$/.exec(s);
  if (sq) {
    const metres = Number(sq[1]);
    if (metres >= 10 && metres <= 50_000) return { kind: 'square', metres };
    ctx.addIssue({ code: 'custom', message: 'square cells must be 10 to 50000 metres' });
    return z.NEVER;
  }
  ctx.addIssue({ code: 'custom', message: 'must be units, h3:<7-10> or square:<metres>' });
  return z.NEVER;
});

const weightsSchema = z.string().transform((s, ctx): WeightsSpec => {
  if (s === 'queen' || s === 'rook') return { kind: s };
  const m = /^(knn|band|ring):(\d+(?:\.\d+)?)$/.exec(s);
  if (m) {
    const v = Number(m[2]);
    if (m[1] === 'knn' && Number.isInteger(v) && v >= 1 && v <= 100) return { kind: 'knn', k: v };
    if (m[1] === 'ring' && Number.isInteger(v) && v >= 1 && v <= 10) return { kind: 'ring', k: v };
    if (m[1] === 'band' && v > 0 && v <= 100_000) return { kind: 'band', metres: v };
    ctx.addIssue({ code: 'custom', message: 'knn:<1-100>, ring:<1-10> or band:<metres up to 100000>' });
    return z.NEVER;
  }
  ctx.addIssue({ code: 'custom', message: 'must be queen, rook, knn:<k>, band:<metres> or ring:<k>' });
  return z.NEVER;
});

export const hotspotQuerySchema = z
  .object({
    method: z.enum(hotspotMethods),
    grid: gridSchema.optional(),
    weights: weightsSchema.optional(),
    transform: z.enum(['binary', 'row']).optional(),
    variable: z.enum(['count', 'rate']).default('count'),
    permutations: z.coerce.number().int().min(0).max(9999).optional(),
    seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
    from: day.optional(),
    to: day.optional(),
    iccs: iccsCodeSchema.optional(),
    bandwidth: z.coerce.number().positive().max(100_000).optional(),
    distance: z.coerce.number().positive().max(100_000).default(200),
    days: z.coerce.number().int().min(0).max(3650).default(14),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });

export type HotspotQueryInput = z.input<typeof hotspotQuerySchema>;
export type HotspotQuery = z.output<typeof hotspotQuerySchema>;

/** The request with defaults filled and combinations checked; what the output reports as "parameters used". */
export type HotspotPlan = {
  method: HotspotMethod;
  grid: GridSpec;
  weights: WeightsSpec;
  transform: 'binary' | 'row';
  variable: 'count' | 'rate';
  permutations: number;
  seed: number;
  from?: string;
  to?: string;
  iccs?: string;
  bandwidth?: number;
  distance: number;
  days: number;
};

const bad = (field: string, message: string) => new DomainError('validation', `${field}: ${message}`, { field });

/**
 * Fills defaults and rejects combinations that cannot work, naming the parameter. Queen or rook on an H3 grid is
 * accepted and is the first ring: hexagons touch their six neighbours along edges only, so both rules give ring:1.
 */
export function planHotspots(q: HotspotQuery): HotspotPlan {
  const grid = q.grid ?? (q.method === 'kde' ? { kind: 'square', metres: 250 } : { kind: 'units' });
  const weights = q.weights ?? (grid.kind === 'h3' ? { kind: 'ring', k: 1 } : { kind: 'queen' });
  if (weights.kind === 'ring' && grid.kind !== 'h3') {
    throw bad('weights', `ring:${weights.k} needs an H3 grid (grid h3:<res>); on ${grid.kind} use queen, rook, knn:<k> or band:<metres>`);
  }
  if (q.method === 'kde' && grid.kind === 'units') {
    throw bad('grid', 'kde writes a density surface: use square:<metres> or h3:<res>');
  }
  if (q.method === 'knox' && q.variable === 'rate') throw bad('variable', 'knox works on events, not rates');
  if (q.method === 'kde' && q.variable === 'rate') throw bad('variable', 'kde estimates a density of records; rate does not apply');
  return {
    method: q.method,
    grid,
    weights,
    transform: q.transform ?? (q.method === 'lisa' ? 'row' : 'binary'),
    variable: q.variable,
    permutations: q.permutations ?? (q.method === 'lisa' || q.method === 'knox' ? 999 : 0),
    seed: q.seed,
    from: q.from,
    to: q.to,
    iccs: q.iccs,
    bandwidth: q.bandwidth,
    distance: q.distance,
    days: q.days,
  };
}

export function gridText(g: GridSpec): string {
  switch (g.kind) {
    case 'units':
      return 'units';
    case 'h3':
      return `h3:${g.res}`;
    case 'square':
      return `square:${g.metres}`;
    default: {
      const never: never = g;
      throw new Error(`unknown grid ${String(never)}`);
    }
  }
}

export function weightsText(w: WeightsSpec): string {
  switch (w.kind) {
    case 'queen':
    case 'rook':
      return w.kind;
    case 'knn':
    case 'ring':
      return `${w.kind}:${w.k}`;
    case 'band':
      return `band:${w.metres}`;
    default: {
      const never: never = w;
      throw new Error(`unknown weights ${String(never)}`);
    }
  }
}
