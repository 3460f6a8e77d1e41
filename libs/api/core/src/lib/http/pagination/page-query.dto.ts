import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@mailroute/shared/contracts';

/**
 * `?page=&pageSize=` of every list endpoint; a list's own filters extend this class. Out-of-range
 * or non-integer values answer 400 with the field (`page=1e308` is not a whole number in range).
 */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @Max(1_000_000, { message: 'must be 1000000 or less' })
  @Min(1, { message: 'must be 1 or more' })
  @IsInt({ message: 'must be a whole number' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @Max(MAX_PAGE_SIZE, { message: `must be ${MAX_PAGE_SIZE} or less` })
  @Min(1, { message: 'must be 1 or more' })
  @IsInt({ message: 'must be a whole number' })
  pageSize?: number;
}
