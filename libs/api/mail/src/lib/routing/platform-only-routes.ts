import { Injectable } from '@nestjs/common';
import type { CustomSmtpRoute } from './smtp-route';
import type { SmtpRouteSource } from './smtp-route-source';

/**
 * The route source of a deployment without the SmtpSettings module: no organization has a
 * custom route, every email goes through the platform SMTP. The app replaces it with the
 * SmtpSettings implementation when it composes that module.
 */
@Injectable()
export class PlatformOnlyRoutes implements SmtpRouteSource {
  customRouteFor(): Promise<CustomSmtpRoute | null> {
    return Promise.resolve(null);
  }

  currentVersion(): Promise<string | null> {
    return Promise.resolve(null);
  }
}
