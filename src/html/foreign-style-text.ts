// The CSS of an svg/math `<style>`: there it is an ordinary element, so its text has character references and
// CDATA sections, unlike the raw text of an HTML `<style>`.

import { decodeHTML } from "entities/decode";

/** The CSS text of an svg/math `<style>` source: CDATA sections unwrapped, character references decoded. */
export function foreignStyleText(source: string): string {
  return source
    .split(/(<!\[CDATA\[[^]*?(?:\]\]>|$))/)
    .map((part) => (part.startsWith("<![CDATA[") ? part.slice(9).replace(/\]\]>$/, "") : decodeHTML(part)))
    .join("");
}
