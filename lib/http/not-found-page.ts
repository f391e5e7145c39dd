/**
 * Returns a self-contained 404 page for route handlers, which cannot render the app's not-found.tsx.
 */
export function notFoundPage(message: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Code not found · Scanboard</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; font-family: system-ui, sans-serif;
         background: #f8fafc; color: #0f172a; }
  main { max-width: 28rem; padding: 2rem; text-align: center; }
  h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
  p { color: #475569; line-height: 1.5; }
  a { color: #4338ca; }
</style>
</head>
<body>
<main>
  <h1>This QR code doesn't lead anywhere</h1>
  <p>${message}</p>
  <p><a href="/">Go to Scanboard</a></p>
</main>
</body>
</html>`

  return new Response(html, {
    status: 404,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  })
}
