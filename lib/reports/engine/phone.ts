// Phone numbers in one shape, E.164 (+905321234567), whichever way iletiMerkezi wrote them
// (+90…, 90…, 0…, the ten national digits, 0090…). Turkish numbers are what the account sends to,
// so a bare national number is taken as Turkish; a shape this does not know is left as it came.
import "server-only";

export function e164(raw: string): string {
  const s = raw.replace(/[\s().-]/g, "");
  if (/^\+[1-9]\d{5,14}$/.test(s)) return s;
  if (/^0[1-9]\d{9}$/.test(s)) return `+90${s.slice(1)}`;
  if (/^00[1-9]\d{5,14}$/.test(s)) return `+${s.slice(2)}`;
  if (/^90[1-9]\d{9}$/.test(s)) return `+${s}`;
  if (/^[1-9]\d{9}$/.test(s)) return `+90${s}`;
  return raw;
}
