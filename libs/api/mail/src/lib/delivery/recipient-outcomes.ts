import { safeFailureText } from './failure-text';

type AddressLike = string | { address: string };

/**
 * The parts of nodemailer's result that tell each recipient's fate. Satisfied by
 * `SMTPTransport.SentMessageInfo` (a send the server accepted, possibly for some recipients only)
 * and by the EENVELOPE error of a send where every recipient was refused (`rejected` and
 * `rejectedErrors`, no `accepted`).
 */
export interface DeliveryReport {
  accepted?: readonly AddressLike[] | undefined;
  rejected?: readonly AddressLike[] | undefined;
  rejectedErrors?:
    | ReadonlyArray<{ recipient?: string | undefined; response?: string | undefined; message?: string }>
    | undefined;
  /** The server's final reply to the message (accepted sends only). */
  response?: string | undefined;
  envelope?: { to?: readonly string[] | undefined } | undefined;
}

export interface RecipientOutcome {
  address: string;
  accepted: boolean;
  /**
   * For a refused recipient, the server's reply to its RCPT TO (or to the message, for LMTP).
   * For an accepted one, the server's final reply to the message: SMTP does not keep a per-recipient
   * acceptance beyond "250 OK" to RCPT TO, which nodemailer does not report.
   */
  response: string | null;
}

/**
 * Per-recipient results of a send, in envelope order when the envelope is known. A recipient that
 * appears as both accepted and refused (LMTP refuses after DATA) is refused.
 */
export function recipientOutcomes(
  report: DeliveryReport,
  secrets: readonly string[] = [],
): RecipientOutcome[] {
  const refusedResponses = new Map<string, string | null>();
  for (const address of (report.rejected ?? []).map(addressOf)) {
    refusedResponses.set(address, null);
  }
  for (const refusal of report.rejectedErrors ?? []) {
    if (refusal.recipient !== undefined) {
      const text = refusal.response ?? refusal.message;
      refusedResponses.set(refusal.recipient, text === undefined ? null : safeFailureText(text, secrets));
    }
  }
  const accepted = new Set((report.accepted ?? []).map(addressOf));
  const finalResponse =
    typeof report.response === 'string' && report.response !== ''
      ? safeFailureText(report.response, secrets)
      : null;

  const ordered = [...(report.envelope?.to ?? []), ...accepted, ...refusedResponses.keys()];
  const outcomes: RecipientOutcome[] = [];
  const seen = new Set<string>();
  for (const address of ordered) {
    if (seen.has(address)) {
      continue;
    }
    if (refusedResponses.has(address)) {
      outcomes.push({ address, accepted: false, response: refusedResponses.get(address) ?? null });
      seen.add(address);
    } else if (accepted.has(address)) {
      outcomes.push({ address, accepted: true, response: finalResponse });
      seen.add(address);
    }
    // An envelope address the server neither accepted nor refused (the send did not reach its
    // RCPT TO) has no outcome to report.
  }
  return outcomes;
}

/**
 * The delivery report a failed send carries, read from an error of unknown type: nodemailer's
 * EENVELOPE error has `rejected` and `rejectedErrors`; any other failure (a network error, a reply
 * to MAIL FROM or DATA) reports no recipient and reads as an empty report.
 */
export function deliveryReportOf(error: unknown): DeliveryReport {
  if (typeof error !== 'object' || error === null) {
    return {};
  }
  const fields = error as Record<string, unknown>;
  const addresses = (value: unknown): AddressLike[] =>
    Array.isArray(value)
      ? value.filter(
          (entry): entry is AddressLike =>
            typeof entry === 'string' ||
            (typeof entry === 'object' &&
              entry !== null &&
              typeof (entry as { address?: unknown }).address === 'string'),
        )
      : [];
  const refusals = Array.isArray(fields['rejectedErrors']) ? (fields['rejectedErrors'] as unknown[]) : [];
  return {
    accepted: addresses(fields['accepted']),
    rejected: addresses(fields['rejected']),
    rejectedErrors: refusals
      .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
      .map((entry) => ({
        recipient: typeof entry['recipient'] === 'string' ? entry['recipient'] : undefined,
        response: typeof entry['response'] === 'string' ? entry['response'] : undefined,
        message: typeof entry['message'] === 'string' ? entry['message'] : undefined,
      })),
  };
}

function addressOf(entry: AddressLike): string {
  return typeof entry === 'string' ? entry : entry.address;
}
