// How the API's values read to people: its constants as words, amounts and measured values with the separators of the
// browser's language, and moments as the day and time they are, in UTC. The kit gives them to module pages.

/** A constant of the API as a person reads it: DUE_SOON as "due soon". */
export const spoken = constant => String(constant).toLowerCase().replace(/_/g, ' ');

/**
 * An amount (money, a count) as a person reads it in the browser's language: 12000 as "12,000", 1234.5 as "1,234.50";
 * nothing as a dash.
 */
export function amount(n) {
  if (n === null || n === undefined || n === '') return '—';
  const value = Number(n);
  if (!Number.isFinite(value)) return String(n);
  return value.toLocaleString(undefined, value % 1 ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : {});
}

/** A moment of the API (2026-12-20T16:00:00Z) as its day and time in UTC, "2026-12-20 16:00 UTC"; nothing as ''. */
export const moment = instant => (instant ? `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC` : '');

/**
 * A measured value (a count, a rate, a share) as a person reads it in the browser's language: its whole part grouped,
 * 12000 as "12,000", and every decimal it was reported with kept, 49.25 as "49.25" and 1234.5 as "1,234.5" (money's
 * two places would add a digit nobody reported); trailing zeros of the API's scale dropped, 49.2500 as "49.25";
 * nothing as a dash.
 */
export function figure(n) {
  if (n === null || n === undefined || n === '') return '—';
  const text = String(n).trim();
  const parts = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!parts) return text; // an exponent or not a number: shown as given
  const [, sign, whole, decimals = ''] = parts;
  const kept = decimals.replace(/0+$/, '');
  const grouped = BigInt(whole).toLocaleString();
  const point = (1.5).toLocaleString().charAt(1);
  return `${sign}${grouped}${kept ? point + kept : ''}`;
}
