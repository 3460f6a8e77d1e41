import type { LocalizedText } from '@mailroute/shared/contracts';
import type { AddressRefusal } from './address-classification';

/** French typography wants a no-break space before `:` and `;`. */
const NBSP = '\u00a0';

/** Resolver codes that mean "no answer in time" rather than "no such host". */
const TIMEOUT_CODES = new Set(['ETIMEOUT', 'ETIMEDOUT', 'EAI_AGAIN']);

export function unresolvableHint(code: string): LocalizedText {
  if (TIMEOUT_CODES.has(code)) {
    return {
      en: 'The DNS lookup of this host did not answer in time. Try again in a moment; if it keeps failing, check the DNS servers of its domain.',
      fr: `La recherche DNS de cet hôte n'a pas répondu à temps. Réessayez dans un instant${NBSP}; si l'échec persiste, vérifiez les serveurs DNS de son domaine.`,
    };
  }
  return {
    en: 'Mailroute could not find this host. Check the spelling of the host name and that its domain has an A or AAAA record in DNS.',
    fr: "Mailroute n'a pas trouvé cet hôte. Vérifiez l'orthographe du nom d'hôte et que son domaine a un enregistrement A ou AAAA dans le DNS.",
  };
}

export function addressRefusedHint(refusals: readonly AddressRefusal[]): LocalizedText {
  if (refusals.includes('metadata')) {
    return {
      en: "This host points to a cloud metadata address, which Mailroute never connects to. Enter your SMTP server's public host name.",
      fr: `Cet hôte pointe vers une adresse de métadonnées cloud, à laquelle Mailroute ne se connecte jamais. Saisissez le nom d'hôte public de votre serveur SMTP.`,
    };
  }
  return {
    en: "This host points to a private or internal address. Mailroute only connects to public SMTP servers: enter your server's public host name.",
    fr: `Cet hôte pointe vers une adresse privée ou interne. Mailroute ne se connecte qu'à des serveurs SMTP publics${NBSP}: saisissez le nom d'hôte public de votre serveur.`,
  };
}

export function portRefusedHint(port: number, allowedPorts: readonly number[] | 'any'): LocalizedText {
  const shown = Number.isFinite(port) ? String(port) : '?';
  if (allowedPorts === 'any') {
    return {
      en: `Port ${shown} is not valid. Use a port between 1 and 65535.`,
      fr: `Le port ${shown} n'est pas valide. Utilisez un port entre 1 et 65535.`,
    };
  }
  const [only] = allowedPorts;
  if (allowedPorts.length === 1) {
    return {
      en: `Port ${shown} is not allowed. Use port ${only}.`,
      fr: `Le port ${shown} n'est pas autorisé. Utilisez le port ${only}.`,
    };
  }
  const head = allowedPorts.slice(0, -1).join(', ');
  const last = allowedPorts[allowedPorts.length - 1];
  return {
    en: `Port ${shown} is not allowed. Use one of these ports: ${head} or ${last}.`,
    fr: `Le port ${shown} n'est pas autorisé. Utilisez l'un de ces ports${NBSP}: ${head} ou ${last}.`,
  };
}
