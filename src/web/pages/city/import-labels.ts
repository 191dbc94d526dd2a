// Translated labels of an import's status and totals.
import { defineMessages, type MessageDescriptor } from 'react-intl';
import type { ImportStatus, ImportTotals } from '../../api/types.ts';

export const importStatusLabels: Record<ImportStatus, MessageDescriptor> = defineMessages({
  running: { id: 'imports.status.running', defaultMessage: 'Running' },
  complete: { id: 'imports.status.complete', defaultMessage: 'Complete' },
  failed: { id: 'imports.status.failed', defaultMessage: 'Failed' },
  undone: { id: 'imports.status.undone', defaultMessage: 'Undone' },
});

export const totalsOrder = ['read', 'imported', 'updated', 'unchanged', 'rejected', 'outside'] as const;

export const totalLabels: Record<keyof ImportTotals, MessageDescriptor> = defineMessages({
  read: { id: 'imports.totals.read', defaultMessage: 'Rows read' },
  imported: { id: 'imports.totals.imported', defaultMessage: 'New records' },
  updated: { id: 'imports.totals.updated', defaultMessage: 'Records updated' },
  unchanged: { id: 'imports.totals.unchanged', defaultMessage: 'Unchanged (already present)' },
  rejected: { id: 'imports.totals.rejected', defaultMessage: 'Rows rejected' },
  outside: { id: 'imports.totals.outside', defaultMessage: "Outside the city's units" },
});
