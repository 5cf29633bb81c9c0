// Builds the web app with Vite, or, with --if-needed, only when its sources
// changed since the last build (so that a second `npm start` is quick).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist/web');
const stampFile = path.join(outDir, '.build-stamp');
const inputs = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'];

function fingerprint() {
  const hash = createHash('sha256');
  const visit = (p) => {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) visit(path.join(p, entry));
    } else {
      hash.update(path.relative(root, p)).update('\0').update(fs.readFileSync(p));
    }
  };
  for (const input of inputs) visit(path.join(root, input));
  return hash.digest('hex');
}

const wanted = fingerprint();
const ifNeeded = process.argv.includes('--if-needed');
if (ifNeeded && fs.existsSync(path.join(outDir, 'index.html')) && fs.readFileSync(stampFile, { encoding: 'utf8', flag: 'a+' }) === wanted) {
  process.exit(0);
}
console.log('building the web app (vite build)…');
const vite = path.join(root, 'node_modules/vite/bin/vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
fs.writeFileSync(stampFile, wanted);
