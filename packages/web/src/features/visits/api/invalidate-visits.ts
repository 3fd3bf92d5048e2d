import type { QueryClient } from '@tanstack/react-query';
import { personQueryKey } from '../../person/api/get-person';

/** A visit shows on the person's timeline, and its request letter in their correspondence. */
export const invalidatePersonVisits = (queryClient: QueryClient, personId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: personQueryKey(personId) }),
    queryClient.invalidateQueries({ queryKey: ['correspondence'] }),
  ]);
