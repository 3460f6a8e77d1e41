import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { LoginRequest, LoginResponse } from '@mailroute/shared/contracts';

// class-validator runs a property's decorators bottom-up and we keep the first failure only:
// presence and type sit at the bottom so they are reported before length or format.
export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@mailroute.local' })
  @MaxLength(320)
  @IsEmail({}, { message: 'must be an email address' })
  @IsDefined({ message: 'is required' })
  email!: string;

  @ApiProperty({ format: 'password' })
  @MaxLength(256)
  @MinLength(1, { message: 'must not be empty' })
  @IsString({ message: 'must be a string' })
  @IsDefined({ message: 'is required' })
  password!: string;
}

export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ description: 'Bearer token for the Authorization header.' })
  accessToken!: string;

  @ApiProperty({ description: 'Seconds until the token expires.', example: 28800 })
  expiresIn!: number;
}
