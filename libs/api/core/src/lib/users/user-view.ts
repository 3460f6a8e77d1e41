import type { UserView } from '@mailroute/shared/contracts';
import type { User } from './user.entity';

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
  };
}
