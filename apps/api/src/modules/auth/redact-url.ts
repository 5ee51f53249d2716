/**
 * A request URL fit for the logs: secrets that travel in URLs (jury invitation tokens in the
 * path, `?token=` of reset and invitation links served to the SPA) are replaced by `…`.
 */
export function redactUrl(url: string): string {
  return url.replace(/(\/jury\/invitations\/)[^/?#]+/g, '$1…').replace(/([?&]token=)[^&#]*/g, '$1…');
}
