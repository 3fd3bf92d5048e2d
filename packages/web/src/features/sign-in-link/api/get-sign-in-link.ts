import { SignInLinkView } from '@redress/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from '../../../lib/api-client';

export const getSignInLink = (token: string) =>
  apiJson(`/api/v1/auth/links/${encodeURIComponent(token)}`, SignInLinkView, { isUnauthenticatedExpected: true });

export const signInLinkQueryOptions = (token: string) =>
  queryOptions({
    queryKey: ['sign-in-link', token],
    queryFn: () => getSignInLink(token),
    // A one-time link must not be re-fetched behind the user's back once it is shown.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

export const useSignInLink = (token: string) => useQuery(signInLinkQueryOptions(token));
