// Which addresses the extension and the CLI may send requests to: https, or plain http only to this machine (a
// local mirror of the API or of the publication site, the tests' servers). One rule for every address setting.

/** Whether a host name is this machine (loopback). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** A publication site or API address: https, or plain http only to this machine. */
export function isSafeBaseUrl(value: string | URL): boolean {
  let url: URL;
  try {
    url = typeof value === 'string' ? new URL(value) : value;
  } catch {
    return false;
  }
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}
