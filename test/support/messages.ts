// Raw messages written for the tests: every transfer encoding, a few charsets, nesting, attachments.

export const pixel = '<img src="https://open.tracker.example/o.gif?id=77e1b2" width="1" height="1" alt="">';
export const trackedLink = "https://shop.example/item?utm_source=news&utm_medium=email&id=7";
export const cleanLink = "https://shop.example/item?id=7";
export const pdfBytes = Buffer.from(Array.from({ length: 300 }, (_, index) => (index * 37) % 256));

function base64Lines(bytes: Buffer, lineEnd: string): string {
  return (bytes.toString("base64").match(/.{1,76}/g) ?? []).join(lineEnd);
}

/** A multipart/mixed message: alternative (QP html, base64 text), a PDF, an attached message with its own tracker. */
export function trackedMessage(lineEnd = "\r\n"): string {
  const html = `<html><body><p>Caf=C3=A9 news</p>=\r\n<a href=3D"${trackedLink.replaceAll("=", "=3D")}">Buy</a>${pixel.replaceAll("=", "=3D")}</body></html>`;
  const text = Buffer.from(`Café news\nBuy: ${trackedLink}\nUnsubscribe: https://shop.example/unsub?u=1\n`, "utf8");
  const attached = [
    "From: old@example.com",
    "Subject: forwarded",
    "Content-Type: text/html; charset=utf-8",
    "",
    `<p>old</p>${pixel}`,
  ].join(lineEnd);
  const lines = [
    "From: Shop <news@shop.example>",
    "To: Ann <ann@example.com>, bob@example.org",
    "Subject: Spring sale",
    "Date: Wed, 02 Dec 2026 04:00:00 +0000",
    "Message-ID: <spring@shop.example>",
    "MIME-Version: 1.0",
    "List-Unsubscribe: <https://shop.example/unsub?u=1&utm_source=x>",
    "Disposition-Notification-To: news@shop.example",
    "X-Confirm-Reading-To: news@shop.example",
    'Content-Type: multipart/mixed; boundary="outer"',
    "",
    "--outer",
    'Content-Type: multipart/alternative; boundary="inner"',
    "",
    "--inner",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(text, lineEnd),
    "--inner",
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    html.replaceAll("\r\n", lineEnd),
    "--inner--",
    "",
    "--outer",
    'Content-Type: application/pdf; name="a.pdf"',
    'Content-Disposition: attachment; filename="a.pdf"',
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(pdfBytes, lineEnd),
    "--outer",
    "Content-Type: message/rfc822",
    "Content-Disposition: attachment",
    "",
    attached,
    "--outer--",
    "",
  ];
  return lines.join(lineEnd);
}

/** A single-part message whose body is in `charset`, written in `transferEncoding`. */
export function singlePart(body: Buffer, options: { type: string; charset: string; transferEncoding: string }): string {
  const encoded =
    options.transferEncoding === "base64" ? base64Lines(body, "\r\n") : body.toString("latin1");
  return [
    "From: a@example.com",
    "To: b@example.com",
    "Subject: one part",
    "MIME-Version: 1.0",
    `Content-Type: ${options.type}; charset=${options.charset}`,
    `Content-Transfer-Encoding: ${options.transferEncoding}`,
    "",
    encoded,
    "",
  ].join("\r\n");
}

/** A message with nothing to clean, in 7bit, QP and base64 parts. */
export function cleanMessage(): string {
  return trackedMessage()
    .replaceAll(pixel.replaceAll("=", "=3D"), "")
    .replace(/--outer\r\nContent-Type: message\/rfc822[\s\S]*?(?=--outer--)/, "")
    .replace("Disposition-Notification-To: news@shop.example\r\n", "")
    .replace("X-Confirm-Reading-To: news@shop.example\r\n", "")
    .replace(base64Lines(Buffer.from(`Café news\nBuy: ${trackedLink}\nUnsubscribe: https://shop.example/unsub?u=1\n`, "utf8"), "\r\n"),
      base64Lines(Buffer.from(`Café news\nBuy: ${cleanLink}\n`, "utf8"), "\r\n"))
    .replaceAll(trackedLink.replaceAll("=", "=3D"), cleanLink.replaceAll("=", "=3D"));
}
