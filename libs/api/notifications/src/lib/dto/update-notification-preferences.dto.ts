import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import type { NotificationPreferencesView } from '@mailroute/shared/contracts';

const isBoolean = { message: 'must be true or false' };

/** `PUT /api/me/notification-preferences`: whether each kind is also emailed; omitted kinds keep their setting. */
export class UpdateNotificationPreferencesDto implements Partial<NotificationPreferencesView> {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean(isBoolean)
  commentAdded?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean(isBoolean)
  taskAssigned?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean(isBoolean)
  taskCompleted?: boolean;
}
