// URLs that fetch nothing over the network: attachments (`cid:`), inline data and in-page objects.

const localScheme = /^\s*(?:cid|data|blob|about):/i;

/** True when the URL names an attachment or inline data, never a remote resource. */
export function isLocalUrl(url: string): boolean {
  return localScheme.test(url);
}
