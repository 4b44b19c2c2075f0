// Reads a WARC written by `duiding publish --warc` back with the npm package warcio (an
// independent WARC reader) and checks that it holds every file of the publication, byte
// for byte, at base_url + path, with the right Content-Type and payload digest, after one
// warcinfo record; the server's configuration (.htaccess, web.config) is not served, so
// not archived. Usage: node warc-readback.mjs FILE.warc.gz PUBLICATION_DIR
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {WARCParser} from 'warcio';

const [warcFile, dir] = process.argv.slice(2);
const edition = JSON.parse(fs.readFileSync(path.join(dir, 'duiding-site.json'), 'utf8'));
const base = edition.base_url.endsWith('/') ? edition.base_url : edition.base_url + '/';

function filesUnder(root, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(root, rel), {withFileTypes: true})) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesUnder(root, r));
    else if (e.isFile()) out.push(r);
  }
  return out;
}

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');
const problems = [];
const seen = new Map();
let index = 0;
for await (const record of WARCParser.iterRecords(fs.createReadStream(warcFile))) {
  if (index++ === 0) {
    if (record.warcType !== 'warcinfo') problems.push(`first record is ${record.warcType}, not warcinfo`);
    await record.readFully();
    continue;
  }
  if (record.warcType !== 'response') {
    problems.push(`record ${index} is ${record.warcType}`);
    continue;
  }
  const uri = record.warcTargetURI;
  const payload = Buffer.from(await record.readFully(true));
  if (record.httpHeaders.statusCode !== 200) problems.push(`${uri}: HTTP ${record.httpHeaders.statusCode}`);
  const digest = record.warcPayloadDigest;
  if (digest !== `sha256:${sha256(payload)}`) problems.push(`${uri}: payload digest ${digest} does not match`);
  seen.set(uri, {payload, type: record.httpHeaders.headers.get('Content-Type'),
                 csp: record.httpHeaders.headers.get('Content-Security-Policy')});
}

const files = filesUnder(dir).filter((f) => f !== '.htaccess' && f !== 'web.config').sort();
for (const rel of files) {
  const got = seen.get(base + rel);
  if (!got) {
    problems.push(`missing from the WARC: ${rel}`);
    continue;
  }
  if (!got.payload.equals(fs.readFileSync(path.join(dir, rel)))) problems.push(`bytes differ: ${rel}`);
  if (rel.endsWith('.html') && got.type !== 'text/html; charset=utf-8') problems.push(`${rel}: Content-Type ${got.type}`);
  if (rel.endsWith('.html')) {
    // The page as served: its own <meta> policy plus frame-ancestors (see publish/README.md).
    const meta = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(fs.readFileSync(path.join(dir, rel), 'utf8'));
    const frame = /(^|\/)embed\//.test(rel) ? '*' : "'none'";
    if (meta && got.csp !== `${meta[1]}; frame-ancestors ${frame}`) problems.push(`${rel}: CSP header ${got.csp}`);
  }
  if (rel.endsWith('.csv') && got.type !== 'text/csv; charset=utf-8') problems.push(`${rel}: Content-Type ${got.type}`);
  seen.delete(base + rel);
}
for (const uri of seen.keys()) problems.push(`in the WARC but not in the publication: ${uri}`);

if (problems.length) {
  for (const p of problems.slice(0, 30)) console.log(`FAIL ${p}`);
  process.exit(1);
}
console.log(`ok   ${warcFile}: warcinfo + ${files.length} response records read back with warcio, ` +
            `every file of ${dir} byte for byte (${files.length} files)`);
