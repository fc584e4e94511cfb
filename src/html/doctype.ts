// What a doctype says about the document's mode. In quirks mode (no doctype, or an old one) class and id names
// match ignoring ASCII case, and a size or padding without a unit is pixels; in no-quirks and limited-quirks mode
// neither. The lists are the HTML standard's (§ 13.2.6.4.1, "the initial insertion mode", WHATWG, CC BY 4.0).

/**
 * `DOCTYPE <name>`, then a public identifier with an optional system one, or a system one alone. Anything after a
 * system identifier is only a parse error (an XHTML-style ` />`); anywhere else it forces quirks mode, and so does
 * no match here.
 */
const doctypeParts =
  /^doctype[\t\n\f\r ]*([^\t\n\f\r >]+)(?:[\t\n\f\r ]+public[\t\n\f\r ]*(["'])([^]*?)\2(?:[\t\n\f\r ]*(["'])([^]*?)\4[^]*)?|[\t\n\f\r ]+system[\t\n\f\r ]*(["'])([^]*?)\6[^]*)?[\t\n\f\r ]*$/i;

/** Public identifiers that are quirks mode as they are (lower-cased, as they are compared). */
const quirksPublicIds: ReadonlySet<string> = new Set(["-//w3o//dtd w3 html strict 3.0//en//", "-/w3c/dtd html 4.0 transitional/en", "html"]);

/** Public identifier prefixes that are quirks mode (lower-cased). */
const quirksPublicPrefixes: readonly string[] = [
  "+//silmaril//dtd html pro v0r11 19970101//", "-//as//dtd html 3.0 aswedit + extensions//",
  "-//advasoft ltd//dtd html 3.0 aswedit + extensions//", "-//ietf//dtd html 2.0 level 1//",
  "-//ietf//dtd html 2.0 level 2//", "-//ietf//dtd html 2.0 strict level 1//", "-//ietf//dtd html 2.0 strict level 2//",
  "-//ietf//dtd html 2.0 strict//", "-//ietf//dtd html 2.0//", "-//ietf//dtd html 2.1e//", "-//ietf//dtd html 3.0//",
  "-//ietf//dtd html 3.2 final//", "-//ietf//dtd html 3.2//", "-//ietf//dtd html 3//", "-//ietf//dtd html level 0//",
  "-//ietf//dtd html level 1//", "-//ietf//dtd html level 2//", "-//ietf//dtd html level 3//",
  "-//ietf//dtd html strict level 0//", "-//ietf//dtd html strict level 1//", "-//ietf//dtd html strict level 2//",
  "-//ietf//dtd html strict level 3//", "-//ietf//dtd html strict//", "-//ietf//dtd html//",
  "-//metrius//dtd metrius presentational//", "-//microsoft//dtd internet explorer 2.0 html strict//",
  "-//microsoft//dtd internet explorer 2.0 html//", "-//microsoft//dtd internet explorer 2.0 tables//",
  "-//microsoft//dtd internet explorer 3.0 html strict//", "-//microsoft//dtd internet explorer 3.0 html//",
  "-//microsoft//dtd internet explorer 3.0 tables//", "-//netscape comm. corp.//dtd html//",
  "-//netscape comm. corp.//dtd strict html//", "-//o'reilly and associates//dtd html 2.0//",
  "-//o'reilly and associates//dtd html extended 1.0//", "-//o'reilly and associates//dtd html extended relaxed 1.0//",
  "-//sq//dtd html 2.0 hotmetal + extensions//",
  "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
  "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//", "-//spyglass//dtd html 2.0 extended//",
  "-//sun microsystems corp.//dtd hotjava html//", "-//sun microsystems corp.//dtd hotjava strict html//",
  "-//w3c//dtd html 3 1995-03-24//", "-//w3c//dtd html 3.2 draft//", "-//w3c//dtd html 3.2 final//",
  "-//w3c//dtd html 3.2//", "-//w3c//dtd html 3.2s draft//", "-//w3c//dtd html 4.0 frameset//",
  "-//w3c//dtd html 4.0 transitional//", "-//w3c//dtd html experimental 19960712//",
  "-//w3c//dtd html experimental 970421//", "-//w3c//dtd w3 html//", "-//w3o//dtd w3 html 3.0//",
  "-//webtechs//dtd mozilla html 2.0//", "-//webtechs//dtd mozilla html//",
];

/** HTML 4.01 Frameset and Transitional: quirks mode without a system identifier, limited quirks with one. */
const html401Loose = ["-//w3c//dtd html 4.01 frameset//", "-//w3c//dtd html 4.01 transitional//"];
/** XHTML 1.0 Frameset and Transitional: limited quirks. */
const xhtml10Loose = ["-//w3c//dtd xhtml 1.0 frameset//", "-//w3c//dtd xhtml 1.0 transitional//"];

export type DocumentMode = "quirks" | "limited-quirks" | "no-quirks";

/**
 * The mode a document with this doctype is in. A doctype this reading cannot take apart (it ends early, a stray
 * word after an identifier) is quirks mode, as the parser's force-quirks flag makes most of them.
 * @param doctype - The declaration's text after `<!` (`DOCTYPE html PUBLIC "..." "..."`).
 * @example
 * documentMode("DOCTYPE html") //=> "no-quirks"
 * documentMode('DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"') //=> "quirks"
 * documentMode('DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"') //=> "limited-quirks"
 */
export function documentMode(doctype: string): DocumentMode {
  const parts = doctypeParts.exec(doctype);
  if (parts === null || parts[1]!.toLowerCase() !== "html") return "quirks";
  const publicId = parts[3]?.toLowerCase();
  // An empty system identifier is a missing one to Chromium (HTML 4.01 Transitional with `""` is quirks there).
  const systemId = (parts[5] ?? parts[7])?.toLowerCase() || undefined;
  if (systemId === "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd") return "quirks";
  if (publicId === undefined) return "no-quirks";
  const startsWithAny = (prefixes: readonly string[]): boolean => prefixes.some((prefix) => publicId.startsWith(prefix));
  if (quirksPublicIds.has(publicId) || startsWithAny(quirksPublicPrefixes)) return "quirks";
  if (startsWithAny(html401Loose)) return systemId === undefined ? "quirks" : "limited-quirks";
  return startsWithAny(xhtml10Loose) ? "limited-quirks" : "no-quirks";
}

