import type { z } from 'zod';
import { CliError } from './target.ts';

/** Validates a command's flags with one zod schema (CONVENTIONS 5); errors name the flag. */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => {
    const key = i.path.join('.');
    const flag = key ? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : '(arguments)';
    return `${flag}: ${i.message}`;
  });
  throw new CliError(`Invalid arguments:\n  ${lines.join('\n  ')}`);
}
