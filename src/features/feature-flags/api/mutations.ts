import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FeatureFlag, FlagValue } from '../../../api/people';
import { useActiveConnection } from '../../../lib/connection-context';
import { flagKeys } from './queries';

/**
 * Sets an override. Optimistic for the caller that asks (a boolean switch): the new value shows at
 * once and is rolled back if the provider refuses.
 */
export function useSetFlag(orgId: string) {
  const { connection, api } = useActiveConnection();
  const queryClient = useQueryClient();
  const key = flagKeys.org(connection.id, orgId);
  return useMutation({
    mutationKey: [...key, 'set'],
    mutationFn: ({ flag, value }: { flag: FeatureFlag; value: FlagValue; optimistic: boolean }) => {
      if (!api.featureFlags) throw new Error('This provider keeps no feature flags.');
      return api.featureFlags.set(orgId, flag.key, value);
    },
    onMutate: async ({ flag, value, optimistic }) => {
      if (!optimistic) return { previous: undefined };
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<readonly FeatureFlag[]>(key);
      queryClient.setQueryData<readonly FeatureFlag[]>(key, (flags) =>
        flags?.map((item) => (item.key === flag.key ? { ...item, value, overridden: true } : item)),
      );
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => {
      // Only the last of several quick toggles refreshes, so earlier answers cannot flicker the switch back.
      if (queryClient.isMutating({ mutationKey: [...key, 'set'] }) === 1) {
        return queryClient.invalidateQueries({ queryKey: key });
      }
      return undefined;
    },
  });
}

export function useResetFlag(orgId: string) {
  const { connection, api } = useActiveConnection();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (flag: FeatureFlag) => {
      if (!api.featureFlags?.reset) throw new Error('This provider cannot reset one override.');
      return api.featureFlags.reset(orgId, flag.key);
    },
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: flagKeys.org(connection.id, orgId) }),
  });
}

export function useResetAllFlags(orgId: string) {
  const { connection, api } = useActiveConnection();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => {
      if (!api.featureFlags?.resetAll) throw new Error('This provider cannot reset all overrides.');
      return api.featureFlags.resetAll(orgId);
    },
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: flagKeys.org(connection.id, orgId) }),
  });
}
