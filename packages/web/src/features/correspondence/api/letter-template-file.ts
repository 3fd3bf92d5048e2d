import type { LetterLanguage, LetterTemplateKey } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiSend } from '../../../lib/api-client';
import { letterTemplatesQueryKey } from './list-letter-templates';
import { fetchFile, uploadForm } from './raw-request';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const letterTemplatePath = (key: LetterTemplateKey, language: LetterLanguage) =>
  `/api/v1/letters/templates/${encodeURIComponent(key)}/${encodeURIComponent(language)}`;

/** The DOCX in use (the uploaded one, else the default), to edit in Word. */
export const downloadLetterTemplate = (key: LetterTemplateKey, language: LetterLanguage) =>
  fetchFile(letterTemplatePath(key, language), { accept: DOCX });

/** Any JSON answer is accepted: the list is read again after the upload. */
const Accepted = { parse: (data: unknown) => data };

/** An edited DOCX replaces the template; 400 names a merge field Redress does not know. */
export const uploadLetterTemplate = (key: LetterTemplateKey, language: LetterLanguage, file: File) => {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadForm(letterTemplatePath(key, language), form, Accepted, 'PUT');
};

/** Back to the template Redress ships. */
export const resetLetterTemplate = (key: LetterTemplateKey, language: LetterLanguage) =>
  apiSend(letterTemplatePath(key, language), { method: 'DELETE' });

type Target = { key: LetterTemplateKey; language: LetterLanguage };

export const useUploadLetterTemplate = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, language, file }: Target & { file: File }) => uploadLetterTemplate(key, language, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterTemplatesQueryKey }),
  });
};

export const useResetLetterTemplate = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, language }: Target) => resetLetterTemplate(key, language),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterTemplatesQueryKey }),
  });
};

export const useDownloadLetterTemplate = () =>
  useMutation({ mutationFn: ({ key, language }: Target) => downloadLetterTemplate(key, language) });
