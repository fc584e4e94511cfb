// Whether a URL's path holds a word open-tracking endpoints use (Trocker's `/open`, `/track`, `/trace`;
// EasyPrivacy's pixel paths). The word counts as a whole path segment, joined to another such word or a number
// (`/tracking_pixel/`, `/beacon_1.gif`), or as a pixel's or script's file name (`/open.gif`, `/track.php`): a file
// name that only begins with it (`/open-sans.woff2`, `/read-more-hover.png`, `/print.css`, `/open-house.png`) is
// content (adversarial reviews adversary15 and adversary16).

/** Where a tracking word may end: a segment's end, a join to another tracking word or a number, a pixel's extension. */
const wordEnd = String.raw`(?:[/?#=&;]|[-_](?:open|track|tracking|pixel|beacon|\d)|\.(?:gif|png|jpe?g|webp|bmp|svg|php|aspx?|ashx|jsp|cgi|html?)(?:[/?#]|$)|$)`;

/**
 * A test for a path (what `afterHost` gives) holding one of `words` as a tracking word.
 * @example trackingPathOf(["open"]).test("/o/open.gif") //=> true
 */
export function trackingPathOf(words: readonly string[]): RegExp {
  return new RegExp(String.raw`\/(?:${words.join("|")})${wordEnd}`, "i");
}
