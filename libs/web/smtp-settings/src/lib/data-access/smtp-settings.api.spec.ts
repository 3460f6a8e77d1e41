import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { SmtpSettingsInput } from '@mailroute/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { SmtpSettingsApi } from './smtp-settings.api';

const SMTP = '/api/organizations/current/smtp-settings';

const input: SmtpSettingsInput = {
  host: 'smtp.acme.test',
  port: 465,
  security: 'tls',
  username: 'app@acme.test',
  password: 'secret-1',
  senderAddress: 'notify@acme.test',
  senderName: null,
  replyTo: null,
  failurePolicy: 'hold',
  testRecipient: 'ada@acme.test',
};

describe('SmtpSettingsApi', () => {
  let api: SmtpSettingsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(SmtpSettingsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('reads the settings with GET and hands back the answer', async () => {
    const answer = firstValueFrom(api.get());
    const request = http.expectOne(SMTP);
    expect(request.request.method).toBe('GET');
    expect(request.request.body).toBeNull();
    request.flush({ mode: 'platform' });

    await expect(answer).resolves.toEqual({ mode: 'platform' });
  });

  it('saves with PUT and the input as body', async () => {
    const answer = firstValueFrom(api.save(input));
    const request = http.expectOne(SMTP);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual(input);
    request.flush({ settings: { mode: 'custom' }, report: { ok: true } });

    await expect(answer).resolves.toEqual({ settings: { mode: 'custom' }, report: { ok: true } });
  });

  it('tests without saving with POST on /test and the same body', async () => {
    const answer = firstValueFrom(api.test(input));
    const request = http.expectOne(`${SMTP}/test`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(input);
    request.flush({ ok: false, stages: [] });

    await expect(answer).resolves.toEqual({ ok: false, stages: [] });
  });

  it('goes back to the platform with DELETE', async () => {
    const answer = firstValueFrom(api.remove());
    const request = http.expectOne(SMTP);
    expect(request.request.method).toBe('DELETE');
    request.flush({ mode: 'platform' });

    await expect(answer).resolves.toEqual({ mode: 'platform' });
  });

  it('reads the history with GET on /history', async () => {
    const answer = firstValueFrom(api.history());
    const request = http.expectOne(`${SMTP}/history`);
    expect(request.request.method).toBe('GET');
    request.flush([{ id: 'h1', action: 'activated' }]);

    await expect(answer).resolves.toEqual([{ id: 'h1', action: 'activated' }]);
  });
});
