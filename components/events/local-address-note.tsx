/**
 * Warns that codes point at this computer (localhost), so phones that scan them cannot reach
 * the app. Renders nothing when `url` has a host phones can reach.
 */
export function LocalAddressNote({ host, what }: { host: string | null; what: string }) {
  if (!host) return null
  return (
    <p role="note" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 print:hidden">
      {what} point to <strong>{host}</strong>, which only this computer can open: phones that scan them will not reach Scanboard.
      The door scanner still reads badges. Set <code className="font-mono">SITE_URL</code> to an address phones can reach (such
      as <code className="font-mono">http://192.168.1.20:3000</code>, or your public domain) and restart before you print, or
      open this page through that address.
    </p>
  )
}
