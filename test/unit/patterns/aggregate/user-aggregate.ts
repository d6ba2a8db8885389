import type { AggregateDefinition } from '../../../../lambdas/patterns/aggregate/aggregate-definition.js';
import type { Reducer } from '../../../../lambdas/stores/event-store/reducer.js';

/** The seed's example aggregate (§1.2): create; update and delete need the user to exist. */
export interface UserState {
  readonly status: 'absent' | 'active' | 'deleted';
  readonly name?: string;
  readonly email?: string;
  readonly updates: number;
}

export type UserCommand =
  | { readonly kind: 'create'; readonly name: string; readonly email: string }
  | { readonly kind: 'update'; readonly name: string }
  | { readonly kind: 'delete' }
  | { readonly kind: 'touch' };

export class UserNotFoundError extends Error {
  readonly code = 'USER_NOT_FOUND';
}

export class UserAlreadyExistsError extends Error {
  readonly code = 'USER_ALREADY_EXISTS';
}

const field = (data: unknown, name: string): string | undefined => {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
};

export const userReducer: Reducer<UserState> = {
  version: 1,
  initial: () => ({ status: 'absent', updates: 0 }),
  apply: (state, event) => {
    switch (event.type) {
      case 'UserCreated':
        return {
          status: 'active',
          name: field(event.data, 'name'),
          email: field(event.data, 'email'),
          updates: 0,
        };
      case 'UserUpdated':
        return { ...state, name: field(event.data, 'name'), updates: state.updates + 1 };
      case 'UserDeleted':
        return { ...state, status: 'deleted' };
      default:
        return state;
    }
  },
};

export const userAggregate: AggregateDefinition<UserState, UserCommand> = {
  evolve: userReducer,
  decide: (command, state) => {
    if (command.kind === 'create') {
      if (state.status !== 'absent') throw new UserAlreadyExistsError('user exists');
      return [{ type: 'UserCreated', data: { name: command.name, email: command.email } }];
    }
    if (state.status !== 'active') throw new UserNotFoundError('no such user');
    if (command.kind === 'update') return [{ type: 'UserUpdated', data: { name: command.name } }];
    if (command.kind === 'delete') return [{ type: 'UserDeleted', data: {} }];
    return [];
  },
};
