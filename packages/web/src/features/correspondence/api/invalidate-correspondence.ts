import type { QueryClient } from '@tanstack/react-query';
import { correspondenceQueryKey } from './list-correspondence';

/**
 * A letter changes the person too (a returned letter puts their mail on hold, the envelope is then
 * refused): refresh the people and every correspondence list.
 */
export const invalidateCorrespondence = (queryClient: QueryClient) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: correspondenceQueryKey }),
    queryClient.invalidateQueries({ queryKey: ['people'] }),
  ]);
