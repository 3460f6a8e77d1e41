import type { LocalizedText, SmtpSecurityMode } from '@mailroute/shared/contracts';

/**
 * What the admin can do about each failure, in every language of the product: short, and naming
 * the setting to change. Facts (codes, replies, dates) belong in the stage's detail.
 */

/** French typography wants a no-break space before `:`, `;`, `?` and `!`. */
const NBSP = '\u00a0';

/** Ports whose usual security mode is known (RFC 8314 for 465, RFC 6409 for 587). */
const STARTTLS_PORTS = new Set([25, 587, 2525]);

function text(en: string, fr: string): LocalizedText {
  return { en, fr };
}

/** `2026-03-01` from an ISO date, for a sentence. */
function day(isoDate: string | null): string | null {
  return isoDate ? isoDate.slice(0, 10) : null;
}

/** STARTTLS configured, but the server seems to wait for a TLS handshake. */
function implicitTlsExpected(port: number): LocalizedText {
  return port === 465
    ? text(
        'Port 465 needs implicit TLS: the server waits for TLS before greeting. Choose TLS.',
        `Le port 465 demande TLS implicite${NBSP}: le serveur attend TLS avant de saluer. Choisissez TLS.`,
      )
    : text(
        'The server did not greet in plaintext: it may expect TLS from the start. Choose TLS, or check the port.',
        `Le serveur n'a pas salué en clair${NBSP}: il attend peut-être TLS dès la connexion. Choisissez TLS, ou vérifiez le port.`,
      );
}

export const connectionTestHints = {
  connectionRefused: (port: number) =>
    text(
      `Nothing accepts connections on port ${port} at this address. Check the port, and that the SMTP server is running.`,
      `Rien n'accepte de connexion sur le port ${port} à cette adresse. Vérifiez le port, et que le serveur SMTP fonctionne.`,
    ),

  hostUnreachable: () =>
    text(
      'This address cannot be reached from Mailroute. Check the host name, and that the server is reachable from the internet.',
      `Cette adresse est injoignable depuis Mailroute. Vérifiez le nom d'hôte, et que le serveur est joignable depuis internet.`,
    ),

  connectTimeout: (port: number) =>
    port === 25
      ? text(
          'The server did not answer. Many networks block port 25: use your provider’s submission port (587 or 465).',
          `Le serveur n'a pas répondu. Beaucoup de réseaux bloquent le port 25${NBSP}: utilisez le port de soumission de votre fournisseur (587 ou 465).`,
        )
      : text(
          `The server did not answer on port ${port}. Check the host and port, and that its firewall accepts connections from Mailroute.`,
          `Le serveur n'a pas répondu sur le port ${port}. Vérifiez l'hôte et le port, et que son pare-feu accepte les connexions de Mailroute.`,
        ),

  connectionClosed: () =>
    text(
      'The server closed the connection unexpectedly. Check the host, port and security mode; if they are right, ask the provider whether it blocks Mailroute.',
      `Le serveur a fermé la connexion de façon inattendue. Vérifiez l'hôte, le port et le mode de sécurité${NBSP}; s'ils sont justes, demandez au fournisseur s'il bloque Mailroute.`,
    ),

  /** Implicit TLS configured, but the server answered in plaintext. */
  plaintextServer: (port: number) =>
    STARTTLS_PORTS.has(port)
      ? text(
          `The server does not speak TLS from the start on this port: port ${port} usually needs STARTTLS. Choose STARTTLS.`,
          `Le serveur ne parle pas TLS dès la connexion sur ce port${NBSP}: le port ${port} demande en général STARTTLS. Choisissez STARTTLS.`,
        )
      : text(
          'The server does not speak TLS from the start on this port. Choose STARTTLS, or the provider’s TLS port (usually 465).',
          `Le serveur ne parle pas TLS dès la connexion sur ce port. Choisissez STARTTLS, ou le port TLS du fournisseur (en général 465).`,
        ),

  implicitTlsExpected,

  tlsVersionTooOld: () =>
    text(
      'The server only offers TLS older than 1.2, which Mailroute refuses. Ask the provider to enable TLS 1.2 or 1.3.',
      `Le serveur n'offre que des versions de TLS antérieures à 1.2, que Mailroute refuse. Demandez au fournisseur d'activer TLS 1.2 ou 1.3.`,
    ),

  tlsHandshakeFailed: (security: SmtpSecurityMode) =>
    security === 'tls'
      ? text(
          'The TLS handshake failed. Check that the port expects TLS from the start (usually 465); otherwise choose STARTTLS.',
          `La négociation TLS a échoué. Vérifiez que le port attend TLS dès la connexion (en général 465)${NBSP}; sinon choisissez STARTTLS.`,
        )
      : text(
          'The TLS handshake after STARTTLS failed. Ask the provider to check the server’s TLS configuration.',
          `La négociation TLS après STARTTLS a échoué. Demandez au fournisseur de vérifier la configuration TLS du serveur.`,
        ),

  noStartTls: (port: number) =>
    text(
      `The server offers no TLS on port ${port}, and Mailroute refuses plaintext SMTP. Use the provider’s TLS port (465, or 587 with STARTTLS).`,
      `Le serveur n'offre pas TLS sur le port ${port}, et Mailroute refuse SMTP en clair. Utilisez le port TLS du fournisseur (465, ou 587 avec STARTTLS).`,
    ),

  startTlsRefused: () =>
    text(
      'The server announced STARTTLS but refused it. Try again later; if it persists, ask the provider to check its TLS certificate and setup.',
      `Le serveur a annoncé STARTTLS mais l'a refusé. Réessayez plus tard${NBSP}; si cela persiste, demandez au fournisseur de vérifier son certificat et sa configuration TLS.`,
    ),

  dataBeforeTls: () =>
    text(
      'The server sent unexpected data around STARTTLS, which could be an attack on the connection. Check the network between Mailroute and the server, or ask the provider.',
      `Le serveur a envoyé des données inattendues autour de STARTTLS, ce qui pourrait être une attaque de la connexion. Vérifiez le réseau entre Mailroute et le serveur, ou interrogez le fournisseur.`,
    ),

  selfSigned: () =>
    text(
      'The server’s certificate is self-signed or from a private authority. Paste that authority’s certificate (PEM) in the CA certificate field.',
      `Le certificat du serveur est auto-signé ou émis par une autorité privée. Collez le certificat (PEM) de cette autorité dans le champ certificat d'autorité.`,
    ),

  untrustedIssuer: () =>
    text(
      'The certificate’s issuer is not trusted: the server may not send its intermediate certificates. Fix the server’s chain, or paste the issuing authority’s certificate (PEM).',
      `L'émetteur du certificat n'est pas reconnu${NBSP}: le serveur n'envoie peut-être pas ses certificats intermédiaires. Corrigez la chaîne du serveur, ou collez le certificat (PEM) de l'autorité émettrice.`,
    ),

  certificateExpired: (validTo: string | null) => {
    const date = day(validTo);
    return date
      ? text(
          `The server’s certificate expired on ${date}. The server’s administrator must renew it.`,
          `Le certificat du serveur a expiré le ${date}. L'administrateur du serveur doit le renouveler.`,
        )
      : text(
          'The server’s certificate has expired. The server’s administrator must renew it.',
          `Le certificat du serveur a expiré. L'administrateur du serveur doit le renouveler.`,
        );
  },

  certificateNotYetValid: () =>
    text(
      'The server’s certificate is not valid yet. Check the server’s clock and certificate dates.',
      `Le certificat du serveur n'est pas encore valide. Vérifiez l'horloge du serveur et les dates du certificat.`,
    ),

  hostNameMismatch: (host: string) =>
    text(
      `The certificate is not valid for ${host}. Enter the host name the certificate names (see its subject), or have the certificate fixed.`,
      `Le certificat n'est pas valide pour ${host}. Saisissez le nom d'hôte indiqué par le certificat (voir son sujet), ou faites corriger le certificat.`,
    ),

  certificateUntrusted: () =>
    text(
      'The server’s certificate could not be verified. Check the certificate with the provider, or paste its authority’s certificate (PEM).',
      `Le certificat du serveur n'a pas pu être vérifié. Vérifiez-le avec le fournisseur, ou collez le certificat (PEM) de son autorité.`,
    ),

  invalidCaCertificate: () =>
    text(
      'The CA certificate could not be used. Paste the authority’s certificate in PEM form (-----BEGIN CERTIFICATE-----).',
      `Le certificat d'autorité est inutilisable. Collez le certificat de l'autorité au format PEM (-----BEGIN CERTIFICATE-----).`,
    ),

  greetingRefused: () =>
    text(
      'The server refuses connections from Mailroute. Ask the provider to allow Mailroute’s addresses.',
      `Le serveur refuse les connexions de Mailroute. Demandez au fournisseur d'autoriser les adresses de Mailroute.`,
    ),

  temporarilyUnavailable: () =>
    text(
      'The server is temporarily unavailable. Try again in a few minutes.',
      `Le serveur est temporairement indisponible. Réessayez dans quelques minutes.`,
    ),

  notSmtp: (security: SmtpSecurityMode, port: number) =>
    security === 'starttls' && port === 465
      ? implicitTlsExpected(port)
      : text(
          'The server does not answer like an SMTP server. Check the host, port and security mode.',
          `Le serveur ne répond pas comme un serveur SMTP. Vérifiez l'hôte, le port et le mode de sécurité.`,
        ),

  ehloRefused: () =>
    text(
      'The server refused Mailroute’s greeting (EHLO). Ask the provider whether it restricts which clients may connect.',
      `Le serveur a refusé la salutation de Mailroute (EHLO). Demandez au fournisseur s'il restreint les clients autorisés.`,
    ),

  authNotOffered: () =>
    text(
      'The server offers no sign-in on this connection. Leave the user name empty if it accepts Mailroute without one, or check the host and port (providers usually authenticate on 587 or 465).',
      `Le serveur n'offre pas d'authentification sur cette connexion. Laissez le nom d'utilisateur vide s'il accepte Mailroute sans, ou vérifiez l'hôte et le port (les fournisseurs authentifient en général sur 587 ou 465).`,
    ),

  authMechanismsUnsupported: (offered: readonly string[]) =>
    text(
      `The server only offers ${offered.join(', ')}; Mailroute signs in with PLAIN or LOGIN. Enable one of them on the server.`,
      `Le serveur n'offre que ${offered.join(', ')}${NBSP}; Mailroute s'authentifie avec PLAIN ou LOGIN. Activez l'un des deux sur le serveur.`,
    ),

  wrongCredentials: () =>
    text(
      'Wrong credentials, or SMTP AUTH disabled for this mailbox (e.g. Microsoft 365 needs SMTP AUTH enabled per mailbox; Gmail needs an app password). Check the user name and password.',
      `Identifiants incorrects, ou SMTP AUTH désactivé pour cette boîte (par ex. Microsoft 365 demande d'activer SMTP AUTH par boîte${NBSP}; Gmail demande un mot de passe d'application). Vérifiez l'utilisateur et le mot de passe.`,
    ),

  authMethodRefused: () =>
    text(
      'The provider refuses this way of signing in: it may require an app password or a setting that allows SMTP sign-in for this account.',
      `Le fournisseur refuse ce mode de connexion${NBSP}: il demande peut-être un mot de passe d'application ou un réglage autorisant la connexion SMTP pour ce compte.`,
    ),

  authNeedsEncryption: () =>
    text(
      'The server requires a stronger protection or another sign-in step. Check the provider’s SMTP settings for this account.',
      `Le serveur exige une protection plus forte ou une autre étape de connexion. Vérifiez les réglages SMTP du fournisseur pour ce compte.`,
    ),

  authTemporary: () =>
    text(
      'The provider could not check the credentials right now. Try again in a few minutes.',
      `Le fournisseur n'a pas pu vérifier les identifiants pour l'instant. Réessayez dans quelques minutes.`,
    ),

  authFailed: () =>
    text(
      'The server refused the sign-in. Check the user name and password, and the server’s reply above.',
      `Le serveur a refusé la connexion. Vérifiez l'utilisateur et le mot de passe, et la réponse du serveur ci-dessus.`,
    ),

  senderRefused: () =>
    text(
      'The provider has not validated this sender address. Use an address this account may send as, or verify the address or its domain at the provider.',
      `Le fournisseur n'a pas validé cette adresse d'expéditeur. Utilisez une adresse que ce compte peut utiliser, ou faites vérifier l'adresse ou son domaine chez le fournisseur.`,
    ),

  senderNeedsAuth: () =>
    text(
      'The server requires sign-in before sending. Enter the user name and password of the account.',
      `Le serveur exige une authentification avant l'envoi. Saisissez l'utilisateur et le mot de passe du compte.`,
    ),

  smtpUtf8Unsupported: () =>
    text(
      'The server does not accept addresses with non-ASCII characters (no SMTPUTF8). Use an ASCII address.',
      `Le serveur n'accepte pas les adresses avec des caractères non ASCII (pas de SMTPUTF8). Utilisez une adresse ASCII.`,
    ),

  messageTooLarge: (limit: number) =>
    text(
      `The server accepts messages of at most ${limit} bytes, less than the test email. Ask the provider to raise the limit.`,
      `Le serveur n'accepte que des messages d'au plus ${limit} octets, moins que l'e-mail de test. Demandez au fournisseur de relever la limite.`,
    ),

  recipientRefused: () =>
    text(
      'The server refused the test recipient. Check the address; some servers only deliver to their own domains, or limit who this account may write to.',
      `Le serveur a refusé le destinataire du test. Vérifiez l'adresse${NBSP}; certains serveurs ne livrent qu'à leurs propres domaines, ou limitent les destinataires de ce compte.`,
    ),

  messageRefused: () =>
    text(
      'The server refused the test email itself (content filter, size or policy). Its reply above says why.',
      `Le serveur a refusé l'e-mail de test lui-même (filtre, taille ou règle). Sa réponse ci-dessus indique pourquoi.`,
    ),

  stepTimeout: () =>
    text(
      'The server stopped answering. Try again; if it persists, contact the provider.',
      `Le serveur a cessé de répondre. Réessayez${NBSP}; si cela persiste, contactez le fournisseur.`,
    ),

  deadlineExceeded: () =>
    text(
      'The test took too long: the server is slow or stopped answering. Try again; if it persists, contact the provider.',
      `Le test a pris trop de temps${NBSP}: le serveur est lent ou a cessé de répondre. Réessayez${NBSP}; si cela persiste, contactez le fournisseur.`,
    ),

  unexpected: () =>
    text(
      'The test failed unexpectedly. Try again; if it persists, contact Mailroute support.',
      `Le test a échoué de façon inattendue. Réessayez${NBSP}; si cela persiste, contactez le support de Mailroute.`,
    ),
} satisfies Record<string, (...args: never[]) => LocalizedText>;
