import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn } from 'class-validator';
import { ROLES, type Role, type UpdateMemberRequest } from '@mailroute/shared/contracts';

export class UpdateMemberDto implements UpdateMemberRequest {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `must be one of: ${ROLES.join(', ')}` })
  @IsDefined({ message: 'is required' })
  role!: Role;
}
