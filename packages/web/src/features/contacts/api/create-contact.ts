import { ContactView, type CreateContactInput } from '@redress/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';
import { contactsQueryKey } from './list-contacts';

export const createContact = (input: CreateContactInput) =>
  apiJson('/api/v1/contacts', ContactView, { method: 'POST', body: input });

export const useCreateContact = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createContact,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contactsQueryKey }),
  });
};
