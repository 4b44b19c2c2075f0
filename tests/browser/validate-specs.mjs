// Checks every Vega-Lite spec (*.vl.json) of a generated site.
//
//   node tests/browser/validate-specs.mjs <site-dir>
//
// Each spec must
//   1. validate against the JSON schema shipped with the installed vega-lite package,
//   2. compile with vegaLite.compile() without errors or warnings (the schema misses
//      semantic mistakes; vega-lite reports many of them only as warnings, e.g. an
//      encoding it drops, which would silently show a wrong chart),
//   3. parse as a Vega spec with the AST option the pages use (catches bad expressions).
// Prints "path: message" per failure and "validated N specs, M failed";
// exits 1 on any failure or when no spec was found.

import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import * as vegaLite from 'vega-lite';
import * as vega from 'vega';

// The schema of the installed vega-lite (the package's "exports" hide it from import/require).
const SCHEMA = new URL('../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url);

function findSpecs(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findSpecs(full));
    else if (entry.isFile() && entry.name.endsWith('.vl.json')) found.push(full);
  }
  return found;
}

function makeValidator() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8'));
  // strict: false because the schema uses constructs ajv's strict mode rejects (e.g. a
  // union "type" next to other keywords); allErrors so that schemaMessage can choose.
  const ajv = new Ajv({strict: false, allErrors: true});
  addFormats(ajv, ['uri', 'uri-reference']);
  // The schema's one custom format: a CSS hex colour (#rgb, #rgba, #rrggbb, #rrggbbaa).
  ajv.addFormat('color-hex', /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i);
  return ajv.compile(schema);
}

// vega-lite and vega log through a logger; collect warnings and errors instead of printing.
function collectingLogger(messages) {
  let level = 0;
  const keep = (kind) => (...args) => { messages.push(`${kind}: ${args.join(' ')}`); };
  return {
    level(l) { if (l === undefined) return level; level = l; return this; },
    error: keep('error'),
    warn: keep('warning'),
    info() { return this; },
    debug() { return this; },
  };
}

// A spurious warning: with "width": "container" vega-lite asks Vega for autosize "fit-x",
// then warns that it drops "fit-y" when the y axis is discrete (every horizontal bar
// chart), although fit-y was never asked for and the output is unchanged (vega-lite 6.4,
// src/compile/compile.ts getTopLevelProperties). Ignored unless the height is "container".
function isSpuriousWarning(message, spec) {
  return message === 'warning: Dropping "fit-y" because spec has discrete height.' &&
    spec.height !== 'container';
}

// The schema is one big anyOf, so a mistake fails every branch and ajv reports them all.
// Report the error deepest in the spec that most branches agree on: for a typo such as
// "agregate" that is `/encoding/x must NOT have additional properties "agregate"`.
function schemaMessage(errors) {
  const specific = errors.filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword));
  const pool = specific.length ? specific : errors;
  const depth = (e) => e.instancePath.split('/').length;
  const deepest = Math.max(...pool.map(depth));
  const counts = new Map();
  for (const e of pool.filter((e) => depth(e) === deepest)) {
    const text = `${e.instancePath || '/'} ${e.message}` +
      (e.params.additionalProperty ? ` "${e.params.additionalProperty}"` : '') +
      (e.params.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : '');
    counts.set(text, (counts.get(text) || 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return `schema: ${best}`;
}

function check(file, validate) {
  let spec;
  try {
    spec = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return [`invalid JSON: ${err.message}`];
  }
  const problems = [];
  if (!validate(spec)) problems.push(schemaMessage(validate.errors));

  const messages = [];
  let vgSpec;
  try {
    vgSpec = vegaLite.compile(spec, {logger: collectingLogger(messages)}).spec;
  } catch (err) {
    problems.push(`compile: ${err.message}`);
  }
  for (const m of messages) if (!isSpuriousWarning(m, spec)) problems.push(`compile ${m}`);

  if (vgSpec) {
    try {
      vega.parse(vgSpec, undefined, {ast: true});
    } catch (err) {
      problems.push(`vega parse: ${err.message}`);
    }
  }
  return problems;
}

function main() {
  const siteDir = process.argv[2];
  if (!siteDir || !fs.statSync(siteDir, {throwIfNoEntry: false})?.isDirectory()) {
    console.error('usage: node tests/browser/validate-specs.mjs <site-dir>');
    process.exit(2);
  }
  const files = findSpecs(siteDir).sort();
  const validate = makeValidator();
  let failed = 0;
  for (const file of files) {
    const problems = check(file, validate);
    if (problems.length) failed++;
    for (const p of problems) console.log(`${path.relative(siteDir, file)}: ${p}`);
  }
  if (files.length === 0) console.log(`no *.vl.json found under ${siteDir}`);
  console.log(`validated ${files.length} specs, ${failed} failed`);
  process.exit(failed > 0 || files.length === 0 ? 1 : 0);
}

main();
