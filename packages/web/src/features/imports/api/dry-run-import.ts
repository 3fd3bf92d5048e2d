import { ImportReportView } from '@redress/core';
import { useMutation } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const dryRunImport = (importId: string) =>
  apiJson(`/api/v1/imports/${encodeURIComponent(importId)}/dry-run`, ImportReportView, { method: 'POST' });

export const useDryRunImport = () => useMutation({ mutationFn: dryRunImport });
