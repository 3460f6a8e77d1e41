import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type {
  ConnectionTestReport,
  SmtpSettingsHistoryEntry,
  SmtpSettingsSaved,
  SmtpSettingsView,
} from '@mailroute/shared/contracts';
import { AdminOnly, CurrentPrincipal, type Principal } from '@mailroute/api/core';
import { SmtpSettingsInputDto } from './dto/smtp-settings-input.dto';
import { SmtpSettingsService } from './smtp-settings.service';

/** The API behind `general-settings/smtp`: the organization's own SMTP server, for its admins. */
@ApiTags('smtp settings')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only the organization’s admins manage its SMTP settings.' })
@AdminOnly()
@Controller('organizations/current/smtp-settings')
export class SmtpSettingsController {
  constructor(private readonly smtpSettings: SmtpSettingsService) {}

  @Get()
  @ApiOkResponse({ description: 'The route in use, the settings (never the password) and their health.' })
  get(@CurrentPrincipal() principal: Principal): Promise<SmtpSettingsView> {
    return this.smtpSettings.get(principal.organizationId);
  }

  @Put()
  @ApiOkResponse({ description: 'Every stage of the test passed: the settings are stored and active.' })
  @ApiUnprocessableEntityResponse({ description: 'A stage of the test failed (`report`); nothing changed.' })
  @ApiConflictResponse({
    description: '`smtp_settings_changed`: another save landed while this one was tested; nothing changed.',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many tests for the organization this minute.' })
  save(
    @CurrentPrincipal() principal: Principal,
    @Body() input: SmtpSettingsInputDto,
  ): Promise<SmtpSettingsSaved> {
    return this.smtpSettings.save(principal, input);
  }

  @Post('test')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The test report, passed or not; nothing is stored.' })
  @ApiTooManyRequestsResponse({ description: 'Too many tests for the organization this minute.' })
  test(
    @CurrentPrincipal() principal: Principal,
    @Body() input: SmtpSettingsInputDto,
  ): Promise<ConnectionTestReport> {
    return this.smtpSettings.test(principal, input);
  }

  @Delete()
  @ApiOkResponse({ description: 'Back to the platform SMTP; the stored password is destroyed.' })
  @ApiConflictResponse({
    description: '`smtp_settings_changed`: the settings changed meanwhile; nothing changed.',
  })
  remove(@CurrentPrincipal() principal: Principal): Promise<SmtpSettingsView> {
    return this.smtpSettings.remove(principal);
  }

  @Get('history')
  history(@CurrentPrincipal() principal: Principal): Promise<SmtpSettingsHistoryEntry[]> {
    return this.smtpSettings.history(principal.organizationId);
  }
}
