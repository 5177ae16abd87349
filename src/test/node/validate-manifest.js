#!/usr/bin/env node
// Validates a filled Teams app manifest offline against the official JSON schema of its own manifestVersion, as
// bundled by Microsoft's @microsoft/app-manifest (draft-04; ajv-draft-04 + ajv-formats), and checks the icons named
// in it (next to the manifest): color 192x192, outline 32x32 with an alpha channel.
//
//   node validate-manifest.js path/to/manifest.json
//
// Prints one JSON object {valid, manifestVersion, schema, errors[]} on stdout; exit 0 valid, 1 invalid, 2 cannot check.
"use strict";
const fs = require("fs");
const path = require("path");

function out(result, code) {
  process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  process.exit(code);
}

const file = process.argv[2];
if (!file) {
  out({ valid: false, errors: ["usage: node validate-manifest.js manifest.json"] }, 2);
}
let manifest;
try {
  manifest = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (e) {
  out({ valid: false, errors: ["cannot read " + file + ": " + e.message] }, 1);
}
const version = manifest.manifestVersion;
const schemaFile = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
  "build", "json-schemas", "teams", "v" + version, "MicrosoftTeams.schema.json");
if (!fs.existsSync(schemaFile)) {
  out({ valid: false, manifestVersion: version, errors: ["@microsoft/app-manifest has no schema for manifestVersion " + version] }, 1);
}
const Ajv = require("ajv-draft-04");
const addFormats = require("ajv-formats");
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
const errors = [];
if (!validate(manifest)) {
  for (const e of validate.errors) {
    errors.push("schema: " + (e.instancePath || "/") + " " + e.message + (e.params ? " " + JSON.stringify(e.params) : ""));
  }
}

// Placeholders left unfilled would pass some string fields of the schema.
const text = JSON.stringify(manifest);
const left = text.match(/\$\{[A-Za-z0-9_]+\}/g);
if (left) {
  errors.push("unfilled placeholders: " + [...new Set(left)].join(", "));
}

// Icons: PNG, sizes from the IHDR chunk; outline must have an alpha channel (colour type 4 or 6).
function png(name) {
  const p = path.join(path.dirname(file), name || "");
  if (!name || !fs.existsSync(p)) {
    return null;
  }
  const b = fs.readFileSync(p);
  if (b.length < 26 || b.readUInt32BE(0) !== 0x89504e47) {
    return { error: name + " is not a PNG" };
  }
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), colourType: b[25] };
}
const icons = manifest.icons || {};
const color = png(icons.color);
const outline = png(icons.outline);
if (!color) errors.push("icon " + icons.color + " not found next to the manifest");
else if (color.error) errors.push(color.error);
else if (color.width !== 192 || color.height !== 192) errors.push("color icon must be 192x192, is " + color.width + "x" + color.height);
if (!outline) errors.push("icon " + icons.outline + " not found next to the manifest");
else if (outline.error) errors.push(outline.error);
else {
  if (outline.width !== 32 || outline.height !== 32) errors.push("outline icon must be 32x32, is " + outline.width + "x" + outline.height);
  if (outline.colourType !== 6 && outline.colourType !== 4) errors.push("outline icon must have a transparent background (alpha channel)");
}

out({ valid: errors.length === 0, manifestVersion: version, schema: path.relative(process.cwd(), schemaFile), errors },
  errors.length === 0 ? 0 : 1);
