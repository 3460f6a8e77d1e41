import type { User } from '@mailroute/api/core';
import type { PersonView } from '@mailroute/shared/contracts';

export function personView(users: Map<string, User>, id: string | null): PersonView | null {
  const user = id === null ? undefined : users.get(id);
  return user ? { id: user.id, name: user.name } : null;
}
