// What a doctype says about how selectors match: in quirks mode (no doctype, or an old one) class and id names
// match ignoring ASCII case; in no-quirks and limited-quirks mode they match exactly. HTML § 13.2.6.4.1 ("the
// initial insertion mode") lists the doctypes of each mode; the forms mail uses are told apart here.

/** `DOCTYPE html`, then a public identifier with an optional system one, or a system one alone. */
const doctypeParts =
  /^doctype[\t\n\f\r ]+html(?:[\t\n\f\r ]+public[\t\n\f\r ]*(["'])([^]*?)\1(?:[\t\n\f\r ]*(["'])([^]*?)\3)?|[\t\n\f\r ]+system[\t\n\f\r ]*(["'])([^]*?)\5)?[\t\n\f\r ]*$/i;

/**
 * Whether a document with this doctype matches class and id selectors case-sensitively: true for no-quirks and
 * limited-quirks mode, false for quirks mode, undefined for a doctype not told apart here (read as quirks mode,
 * where a match ignoring case may apply).
 * @param doctype - The declaration's text after `<!` (`DOCTYPE html PUBLIC "..." "..."`).
 * @example
 * selectorsMatchCase("DOCTYPE html") //=> true
 * selectorsMatchCase('DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"') //=> false
 */
export function selectorsMatchCase(doctype: string): boolean | undefined {
  const parts = doctypeParts.exec(doctype);
  if (parts === null) return undefined;
  const publicId = parts[2]?.toLowerCase();
  const systemId = (parts[4] ?? parts[6])?.toLowerCase();
  // IBM's system identifier is quirks whatever the public one says.
  if (systemId === "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd") return false;
  if (publicId === undefined) return true;
  // Limited quirks; no quirks for XHTML 1.0 Strict and HTML 4.01 Strict.
  if (/^-\/\/w3c\/\/dtd xhtml 1\.0 (?:strict|transitional|frameset)\/\//.test(publicId)) return true;
  if (/^-\/\/w3c\/\/dtd html 4\.01\/\//.test(publicId)) return true;
  // Quirks without a system identifier, limited quirks with one.
  if (/^-\/\/w3c\/\/dtd html 4\.01 (?:transitional|frameset)\/\//.test(publicId)) return systemId !== undefined;
  if (/^-\/\/w3c\/\/dtd html 4\.0 (?:transitional|frameset)\/\//.test(publicId) || publicId.startsWith("-//w3c//dtd html 3")) return false;
  return undefined;
}
