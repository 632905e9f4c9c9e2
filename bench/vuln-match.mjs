// Matches a list of packages against a vulnerability database with the built code (dist/, as the
// CLI ships it) and prints the time the match took. bench/vuln.ts runs it pinned to one core.
// Usage: node bench/vuln-match.mjs CACHE_DIR PACKAGES.json
import { readFileSync } from 'node:fs';
import { useLauncherV8Flags } from './launcher-flags.mjs';

// The V8 settings the CLI's launcher (bin/drydock.js) makes before it loads any code.
useLauncherV8Flags();

const [cacheDir, packagesFile] = process.argv.slice(2);
const { VulnDatabase } = await import('../dist/vuln/db/store.js');
const { matchVulnerabilities } = await import('../dist/vuln/match.js');
const packages = JSON.parse(readFileSync(packagesFile, 'utf8'));
const db = VulnDatabase.open(cacheDir);
const t = performance.now();
const cpu = process.cpuUsage();
const matches = matchVulnerabilities(packages, { db });
const ms = performance.now() - t;
const used = process.cpuUsage(cpu);
db.close();
console.log(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, findings: matches.length }));
