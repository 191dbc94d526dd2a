// Translated labels for indicator breakdowns, table columns, progress statuses and report states.
import { defineMessages, type MessageDescriptor } from 'react-intl';

export const byLabels: Record<string, MessageDescriptor> = defineMessages({
  none: { id: 'indicators.by.none', defaultMessage: 'Nothing (the whole city)' },
  unit: { id: 'indicators.by.unit', defaultMessage: 'Unit' },
  year: { id: 'indicators.by.year', defaultMessage: 'Year' },
  quarter: { id: 'indicators.by.quarter', defaultMessage: 'Quarter' },
  month: { id: 'indicators.by.month', defaultMessage: 'Month' },
  sex: { id: 'indicators.by.sex', defaultMessage: 'Sex' },
  age: { id: 'indicators.by.age', defaultMessage: 'Age band' },
});

export const columnLabels: Record<string, MessageDescriptor> = defineMessages({
  unit: { id: 'indicators.column.unit', defaultMessage: 'Unit' },
  year: { id: 'indicators.column.year', defaultMessage: 'Year' },
  quarter: { id: 'indicators.column.quarter', defaultMessage: 'Quarter' },
  month: { id: 'indicators.column.month', defaultMessage: 'Month' },
  sex: { id: 'indicators.column.sex', defaultMessage: 'Sex' },
  age: { id: 'indicators.column.age', defaultMessage: 'Age band' },
  source: { id: 'indicators.column.source', defaultMessage: 'Source' },
  value: { id: 'indicators.column.value', defaultMessage: 'Value' },
  lower: { id: 'indicators.column.lower', defaultMessage: 'Lower 95%' },
  upper: { id: 'indicators.column.upper', defaultMessage: 'Upper 95%' },
  numerator: { id: 'indicators.column.numerator', defaultMessage: 'Numerator' },
  denominator: { id: 'indicators.column.denominator', defaultMessage: 'Denominator' },
});

export const monitoringColumns: Record<string, MessageDescriptor> = defineMessages({
  indicator: { id: 'monitoring.column.indicator', defaultMessage: 'Indicator' },
  baseline: { id: 'monitoring.column.baseline', defaultMessage: 'Baseline' },
  target: { id: 'monitoring.column.target', defaultMessage: 'Target' },
  latest: { id: 'monitoring.column.latest', defaultMessage: 'Latest value (95% interval)' },
  trend: { id: 'monitoring.column.trend', defaultMessage: 'Trend' },
  status: { id: 'monitoring.column.status', defaultMessage: 'Status' },
});

export const statusLabels: Record<string, MessageDescriptor> = defineMessages({
  on_track: { id: 'indicators.status.on_track', defaultMessage: 'On track' },
  off_track: { id: 'indicators.status.off_track', defaultMessage: 'Off track' },
  uncertain: { id: 'indicators.status.uncertain', defaultMessage: 'Uncertain' },
  no_data: { id: 'indicators.status.no_data', defaultMessage: 'Not enough data' },
});

export const reportStatusLabels: Record<string, MessageDescriptor> = defineMessages({
  queued: { id: 'monitoring.reportStatus.queued', defaultMessage: 'being prepared' },
  done: { id: 'monitoring.reportStatus.done', defaultMessage: 'ready' },
  failed: { id: 'monitoring.reportStatus.failed', defaultMessage: 'failed' },
});

export const unitLabels: Record<'rate' | 'percent' | 'trend', MessageDescriptor> = defineMessages({
  rate: { id: 'indicators.unit.rate', defaultMessage: 'per 100,000 residents per year' },
  percent: { id: 'indicators.unit.percent', defaultMessage: 'percent of respondents' },
  trend: { id: 'indicators.report.trend', defaultMessage: '{change}% a year; projected for {year}: {value} ({lower}–{upper})' },
});
