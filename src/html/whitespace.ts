// ASCII whitespace as HTML defines it (tab, LF, FF, CR, space): what separates attributes, srcset candidates
// and what browsers strip around URLs.

/** True for an HTML whitespace character code. */
export function isHtmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/** True when `text` holds nothing but HTML whitespace. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isHtmlSpace(text.charCodeAt(i))) return false;
  return true;
}
