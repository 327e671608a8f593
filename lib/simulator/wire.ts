// The provider's answer shapes: envelope, Turkish status texts, and the "numbers as strings"
// dialect some answers use.
import type { SimulatorOptions } from "./types";

const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  200: "İşlem başarılı",
  400: "İstek çözümlenemedi",
  401: "Üyelik bilgileri hatalı",
  404: "API istek yapılan yönteme sahip değil",
  455: "Sipariş bulunamadı",
  456: "Sipariş gönderim tarihi henüz gelmedi",
  458: "Tarih aralığı hatalı",
  464: "Page değeri 1 den başlamalı.",
  503: "Sunucu geçici olarak servis dışı",
};

type WireOptions = Pick<SimulatorOptions, "mirrorHttpStatus" | "numbersAsStrings">;

/** A number as this upstream dialect writes it. */
export function num(value: number, o: WireOptions): number | string {
  return o.numbersAsStrings ? String(value) : value;
}

/** Price: a number, or a decimal-comma string ("12,0000") in the string dialect. */
export function price(value: number, o: WireOptions): number | string {
  return o.numbersAsStrings ? value.toFixed(4).replace(".", ",") : value;
}

function httpStatusFor(code: number, o: WireOptions, http?: number): number {
  const status = http ?? (o.mirrorHttpStatus ? code : 200);
  // Response only accepts 200–599; anything else falls back to a plain 200.
  return Number.isInteger(status) && status >= 200 && status <= 599 ? status : 200;
}

export function envelope(
  code: number,
  o: WireOptions,
  payload: Record<string, unknown> = {},
  extra: { message?: string; http?: number } = {},
): Response {
  const status = { code: num(code, o), message: extra.message ?? STATUS_MESSAGES[code] ?? "Hata" };
  const body = JSON.stringify({ response: { status, ...payload } });
  return new Response(body, {
    status: httpStatusFor(code, o, extra.http),
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}

export function htmlError(status: number): Response {
  const body = `<html><head><title>${status} Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>`;
  return new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

export function malformed(): Response {
  // Cut mid-object, as a truncated upstream body looks.
  const body =
    '{"response": {"status": {"code": 200, "message": "İşlem başarılı"}, "count": 3, "orders": [{"id": 3129';
  return new Response(body, {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
