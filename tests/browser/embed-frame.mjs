// A page of another site frames two pages of a published duiding site, as a newspaper or
// a municipal intranet would: an embed page (embed/…), which the web server's headers
// allow to be framed, and an ordinary page, which they forbid. Chromium must draw the
// first (its chart and its source line) and refuse the second.
// Usage: node embed-frame.mjs EMBED_URL PAGE_URL [SCREENSHOT.png]
// The URLs point at the site as served with its headers (tests/publish/nginx-headers.sh).
import http from 'node:http';
import {withBrowser} from './site-server.mjs';

const [embedUrl, pageUrl, shot] = process.argv.slice(2);
if (!embedUrl || !pageUrl) {
  console.error('usage: node embed-frame.mjs EMBED_URL PAGE_URL [SCREENSHOT.png]');
  process.exit(2);
}
const host = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Ander blad</title></head>
<body style="font-family:sans-serif;max-width:820px;margin:1rem auto">
<h1>Nieuws uit de gemeente (testpagina van een andere site)</h1>
<p>Ingesloten grafiek:</p>
<iframe id="embed" src="${embedUrl}" title="Grafiek" width="800" height="560" style="border:1px solid #888"></iframe>
<p>Een gewone pagina van de site, die niet ingesloten mag worden:</p>
<iframe id="page" src="${pageUrl}" title="Pagina" width="800" height="200" style="border:1px solid #888"></iframe>
</body></html>`;
const server = http.createServer((req, res) => {
  res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
  res.end(host);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
let problems = 0;
try {
  await withBrowser(async (context) => {
    const page = await context.newPage();
    await page.goto(`${origin}/`, {waitUntil: 'load'});
    await page.waitForTimeout(500);
    const frameOf = async (id) => (await page.$(`#${id}`)).contentFrame();
    const embed = await frameOf('embed');
    const framed = await embed.evaluate(() => ({
      svg: document.querySelectorAll('svg').length,
      main: document.querySelector('main') !== null,
      text: document.body ? document.body.innerText : '',
    })).catch(() => ({svg: 0, main: false, text: ''}));
    if (framed.main && framed.svg > 0) console.log(`ok   the embed page is drawn inside the frame (${framed.svg} SVG)`);
    else { console.log('FAIL the embed page was not drawn inside the frame'); ++problems; }
    if (/Bron/.test(framed.text)) console.log('ok   the framed chart names its source');
    else { console.log('FAIL the framed chart names no source'); ++problems; }
    const other = await frameOf('page');
    const blocked = await other.evaluate(() => document.querySelector('main') === null).catch(() => true);
    if (blocked) console.log('ok   an ordinary page is refused inside a frame of another site');
    else { console.log('FAIL an ordinary page was drawn inside a frame of another site'); ++problems; }
    if (shot) await page.screenshot({path: shot, fullPage: true});
  });
} finally {
  server.close();
}
console.log(problems === 0 ? '0 problems' : `${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
