import type { UserReadModelPort } from '../../stores/users/user-read-model-port.js';

export interface Contact {
  readonly email: string;
  readonly phone?: string;
}

/** Where the notification agent finds a user's email address and phone number. */
export interface ContactDirectory {
  /** Undefined for an unknown or deleted user. */
  contactFor(userId: string): Promise<Contact | undefined>;
}

/**
 * Contacts from the users read model (read-only access to the users table; the notification function is
 * granted GetItem on it and nothing else).
 *
 * @example
 * ```ts
 * const contacts = readModelContacts(new DynamoDbUserReadModel({ documentClient, tableName }));
 * ```
 */
export function readModelContacts(readModel: UserReadModelPort): ContactDirectory {
  return {
    async contactFor(userId) {
      const user = await readModel.get(userId);
      if (user === undefined || user.status === 'deleted') return undefined;
      return user.phone === undefined ? { email: user.email } : { email: user.email, phone: user.phone };
    },
  };
}
