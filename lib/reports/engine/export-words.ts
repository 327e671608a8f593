// The words of an exported file in its language: column headers, sheet names and status words,
// all from the dictionaries the pages use, so a status reads the same on screen and in the file.
import "server-only";
import { interpolate, type Locale } from "@/lib/i18n/config";
import { dictionaries } from "@/lib/i18n/dictionaries";
import { isOrderStatus, messageOutcome } from "@/lib/reports/contract/statuses";

export type ExportWords = {
  ordersSheet: string;
  recipientsSheet: string;
  /** The orders file's columns, in order. */
  ordersHeader: string[];
  /** The recipients file's columns, in order. */
  recipientsHeader: string[];
  orderStatus: (code: number) => string;
  messageStatus: (code: number) => string;
};

export function exportWords(lang: Locale): ExportWords {
  const t = dictionaries[lang];
  const e = t.export;
  const unknown = (code: number) => interpolate(t.orderStatus.unknown, { code });
  return {
    ordersSheet: e.ordersSheet,
    recipientsSheet: e.recipientsSheet,
    ordersHeader: [
      e.orderId,
      e.status,
      e.submitAt,
      e.sendAt,
      e.sender,
      e.total,
      e.delivered,
      e.undelivered,
      e.waiting,
      e.deliveryRate,
      e.label,
    ],
    recipientsHeader: [e.orderId, e.number, e.status],
    orderStatus: (code) => (isOrderStatus(code) ? t.orderStatus[code] : unknown(code)),
    messageStatus: (code) => {
      const outcome = messageOutcome(code);
      return outcome ? t.outcome[outcome] : unknown(code);
    },
  };
}
