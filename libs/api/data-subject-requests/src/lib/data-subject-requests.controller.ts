import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type {
  DataSubjectRequestDetail,
  DataSubjectRequestMessageView,
  DataSubjectRequestView,
  Page,
} from '@mailroute/shared/contracts';
import { CurrentPrincipal, PageQuery, type Principal } from '@mailroute/api/core';
import { DataSubjectRequestsService } from './data-subject-requests.service';
import { CreateDataSubjectRequestDto } from './dto/create-data-subject-request.dto';
import { SendDataSubjectMessageDto } from './dto/send-data-subject-message.dto';

/** Rights requests of the signed-in user's organization, handled by any of its users. */
@ApiTags('data subject requests')
@ApiBearerAuth()
@Controller('data-subject-requests')
export class DataSubjectRequestsController {
  constructor(private readonly requests: DataSubjectRequestsService) {}

  @Post()
  @ApiBadRequestResponse({ description: 'A field is invalid (`errors` names it).' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() input: CreateDataSubjectRequestDto,
  ): Promise<DataSubjectRequestView> {
    return this.requests.create(principal, input);
  }

  /** Most recently received first. */
  @Get()
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PageQuery,
  ): Promise<Page<DataSubjectRequestView>> {
    return this.requests.list(principal.organizationId, query);
  }

  /** The request with its whole thread, oldest message first, each with its email's delivery. */
  @Get(':id')
  @ApiNotFoundResponse({ description: 'No such request in your organization.' })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<DataSubjectRequestDetail> {
    return this.requests.get(principal.organizationId, id);
  }

  @Post(':id/messages')
  @ApiNotFoundResponse({ description: 'No such request in your organization.' })
  sendMessage(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() input: SendDataSubjectMessageDto,
  ): Promise<DataSubjectRequestMessageView> {
    return this.requests.sendMessage(principal, id, input);
  }
}
