import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { Omittable } from '@mailroute/api/core';
import type { NotificationPreferencesView } from '@mailroute/shared/contracts';

const isBoolean = { message: 'must be true or false' };

/** `PUT /api/me/notification-preferences`: whether each kind is also emailed; omitted kinds keep their setting (null is refused). */
export class UpdateNotificationPreferencesDto implements Partial<NotificationPreferencesView> {
  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean(isBoolean)
  commentAdded?: boolean;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean(isBoolean)
  taskAssigned?: boolean;

  @ApiPropertyOptional()
  @Omittable()
  @IsBoolean(isBoolean)
  taskCompleted?: boolean;
}
