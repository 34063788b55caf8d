// Validates a Teams app manifest offline: the JSON schema bundled in @microsoft/app-manifest (chosen by the
// manifest's $schema), plus what the schema cannot see: the icons exist, have the right sizes, and the outline
// icon has an alpha channel. Usage: node validate.js path/to/manifest.json. Exit code 1 lists every problem.
"use strict";
const fs = require("fs");
const path = require("path");
const { AppManifestUtils } = require("@microsoft/app-manifest");

function pngInfo(file) {
  const data = fs.readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (data.length < 33 || data.subarray(0, 8).toString("hex") !== signature || data.subarray(12, 16).toString() !== "IHDR") {
    return null;
  }
  const colourType = data[25];
  return {
    width: data.readUInt32BE(16),
    height: data.readUInt32BE(20),
    alpha: colourType === 4 || colourType === 6 || data.includes(Buffer.from("tRNS")),
  };
}

function checkIcon(folder, relative, size, needsAlpha, problems) {
  if (typeof relative !== "string") {
    return;
  }
  const file = path.join(folder, relative);
  if (!fs.existsSync(file)) {
    problems.push(`icon ${relative} is missing`);
    return;
  }
  const png = pngInfo(file);
  if (!png) {
    problems.push(`icon ${relative} is not a PNG`);
  } else if (png.width !== size || png.height !== size) {
    problems.push(`icon ${relative} is ${png.width}x${png.height}, not ${size}x${size}`);
  } else if (needsAlpha && !png.alpha) {
    problems.push(`icon ${relative} has no transparency`);
  }
}

async function main() {
  const manifestPath = process.argv[2];
  if (!manifestPath) {
    console.error("usage: node validate.js path/to/manifest.json");
    process.exit(2);
  }
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
  } catch (e) {
    console.error(`${manifestPath}: not readable JSON: ${e.message}`);
    process.exit(1);
  }
  const problems = (await AppManifestUtils.validateAgainstSchema(manifest)).map((e) => `schema:${e}`);
  const folder = path.dirname(manifestPath);
  checkIcon(folder, manifest.icons && manifest.icons.color, 192, false, problems);
  checkIcon(folder, manifest.icons && manifest.icons.outline, 32, true, problems);
  if (problems.length > 0) {
    console.error(`${manifestPath}: ${problems.length} problem(s)`);
    problems.forEach((p) => console.error(`  ${p}`));
    process.exit(1);
  }
  console.log(`${manifestPath}: valid Teams manifest ${manifest.manifestVersion}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
