import { stringify } from 'csv-stringify/sync';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditService } from '../audit/audit.service.ts';
import { actorOf } from '../http/access.ts';

type RejectedRow = { line: number; field: string; value: string | null; reason: string };
const columns = ['line', 'field', 'value', 'reason'] as const;

/**
 * Answers the rejected rows of an import (incidents or a survey) as CSV: line,field,value,reason. Rejected rows hold
 * record-level values, so each answer is a sensitive read, audited with the number of rows and never their values.
 */
export async function sendRejections(
  req: FastifyRequest,
  reply: FastifyReply,
  audit: AuditService,
  at: { target: { type: 'import' | 'survey'; id: number }; city: string },
  rows: readonly RejectedRow[],
): Promise<FastifyReply> {
  await audit.record(actorOf(req), {
    action: 'import.read_rejections',
    target: at.target,
    scope: { kind: 'city', id: at.city },
    fields: columns,
    count: rows.length,
  });
  const csv = stringify(
    rows.map((x) => [x.line, x.field, x.value, x.reason]),
    { header: true, columns: [...columns] },
  );
  return reply.type('text/csv; charset=utf-8').send(csv);
}
