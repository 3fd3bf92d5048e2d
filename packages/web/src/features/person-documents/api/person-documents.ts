import {
  type CorrectDocumentTextInput,
  DocumentBody,
  DocumentList,
  type OcrLanguage,
  PersonPhotoView,
  type UploadDocumentFields,
} from '@redress/core';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { postForm } from '../../../lib/post-form';
import { personQueryKey } from '../../person/api/get-person';

const personPath = (personId: string) => `/api/v1/people/${encodeURIComponent(personId)}`;

export const documentContentUrl = (documentId: string) => `/api/v1/documents/${encodeURIComponent(documentId)}/content`;

export const personDocumentsQueryOptions = (personId: string) =>
  queryOptions({
    queryKey: [...personQueryKey(personId), 'documents'],
    queryFn: ({ signal }) => apiJson(`${personPath(personId)}/documents`, DocumentList, { signal }),
    // While a scan is being read, look again every few seconds.
    refetchInterval: (query) =>
      query.state.data?.items.some((d) => d.ocr.state === 'queued' || d.ocr.state === 'running') ? 3000 : false,
  });

export const usePersonDocuments = (personId: string) => useQuery(personDocumentsQueryOptions(personId));

export type UploadInput = {
  file: File;
  kind: UploadDocumentFields['kind'];
  isPrivileged: boolean;
  ocrLanguage?: OcrLanguage;
};

export const useUploadPersonDocument = (personId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind, isPrivileged, ocrLanguage }: UploadInput) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('isPrivileged', String(isPrivileged));
      if (ocrLanguage) form.append('ocrLanguage', ocrLanguage);
      form.append('file', file, file.name);
      return postForm(`${personPath(personId)}/documents`, form, DocumentBody);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personDocumentsQueryOptions(personId).queryKey }),
  });
};

export const useCorrectDocumentText = (personId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ documentId, text }: { documentId: string } & CorrectDocumentTextInput) =>
      apiJson(`/api/v1/documents/${encodeURIComponent(documentId)}/text`, DocumentBody, {
        method: 'PATCH',
        body: { text },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personDocumentsQueryOptions(personId).queryKey }),
  });
};

export const useSetPersonPhoto = (personId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string | null) =>
      apiJson(`${personPath(personId)}/photo`, PersonPhotoView, { method: 'PUT', body: { documentId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personQueryKey(personId) }),
  });
};
