// Signed URLs: a server-side signature covers the URL (often every query parameter), so removing any parameter,
// even a utm_* one, makes the link answer 403. "Never break a link": such a URL keeps its query as written.
//
// The schemes, each by its documented signature parameter (names compared case-insensitively):
// - AWS Signature Version 4 query auth (S3 presigned URLs): `X-Amz-Signature`.
//   https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
// - Google Cloud Storage V4 signed URLs: `X-Goog-Signature`.
//   https://cloud.google.com/storage/docs/access-control/signed-urls
// - CloudFront signed URLs (canned policy: `Expires`, custom policy: `Policy`; both `Key-Pair-Id`), and S3/GCS
//   Signature Version 2 query auth (`AWSAccessKeyId` or `GoogleAccessId`, `Expires`): `Signature` with one of them.
//   https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-creating-signed-url-canned-policy.html
//   https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#RESTAuthenticationQueryStringAuth
// - Azure Storage shared access signatures: `sig` with `sv` (the version) or `se` (the expiry).
//   https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas
// - Laravel `URL::signedRoute()` / `temporarySignedRoute()`: `signature` (an HMAC-SHA256 in hex), with `expires`
//   for the temporary kind. https://laravel.com/docs/urls#signed-urls
// - Anything else that names its signature plainly: `signature`, `hmac` or `sig` holding 16 or more hex or base64
//   characters (a value that short or that odd is a flag or a style, not a signature: `?sig=1`).

import { safeDecodeUri } from "./decode.js";

/** Signature parameters that sign the URL whatever their value. */
const signatureNames: ReadonlySet<string> = new Set(["x-amz-signature", "x-goog-signature"]);
/** A signature parameter, and the parameters one of which must come with it. */
const signatureWithCompanion: readonly (readonly [string, readonly string[]])[] = [
  ["signature", ["expires", "key-pair-id", "policy"]], // CloudFront, S3/GCS V2; Laravel's temporary signed routes
  ["sig", ["sv", "se"]], // Azure SAS
];
/** Names that are a signature when their value looks like one. */
const plainSignatureNames: ReadonlySet<string> = new Set(["signature", "hmac", "sig"]);
const signatureValue = /^[A-Za-z0-9+/=_~-]{16,}$/;

/**
 * True when the query of `url` (a URL as the browser reads it, not attribute text) holds the signature parameter
 * of a known scheme, or one plainly named and holding a signature-like value.
 */
export function isSignedUrl(url: string): boolean {
  const queryStart = url.indexOf("?");
  if (queryStart < 0) return false;
  const fragment = url.indexOf("#", queryStart);
  const query = url.slice(queryStart + 1, fragment < 0 ? url.length : fragment);
  // Every scheme's signature parameter contains "sig" or "hmac": most URLs are ruled out here.
  if (!/sig|hmac/i.test(query)) return false;
  const params = new Map<string, string>();
  for (const pair of query.split("&")) {
    const eq = pair.indexOf("=");
    const name = (safeDecodeUri(eq < 0 ? pair : pair.slice(0, eq)) ?? "").toLowerCase();
    if (!params.has(name)) params.set(name, eq < 0 ? "" : pair.slice(eq + 1));
  }
  for (const name of signatureNames) if (params.has(name)) return true;
  for (const [name, companions] of signatureWithCompanion) {
    if (params.has(name) && companions.some((companion) => params.has(companion))) return true;
  }
  for (const name of plainSignatureNames) {
    const value = params.get(name);
    if (value !== undefined && signatureValue.test(safeDecodeUri(value) ?? "")) return true;
  }
  return false;
}
