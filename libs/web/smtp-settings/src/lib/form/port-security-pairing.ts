import { DEFAULT_SMTP_PORT, SUGGESTED_SMTP_PORTS, type SmtpSecurityMode } from '@mailroute/shared/contracts';

/** The security mode that usually goes with `port` (465 → tls, 587 → starttls), or null for another port. */
export function securityForPort(port: number | null): SmtpSecurityMode | null {
  return SUGGESTED_SMTP_PORTS.find((suggested) => suggested.port === port)?.security ?? null;
}

/**
 * The port to suggest after the security mode changed to `security`, or null to keep `port`.
 * Only a usual port (25, 465, 587) is replaced: a port the admin typed on purpose (e.g. 2525) stays.
 */
export function portForSecurity(security: SmtpSecurityMode, port: number | null): number | null {
  const usual = port === DEFAULT_SMTP_PORT ? 'starttls' : securityForPort(port);
  if (usual === null || usual === security) {
    return null;
  }
  return SUGGESTED_SMTP_PORTS.find((suggested) => suggested.security === security)?.port ?? null;
}
