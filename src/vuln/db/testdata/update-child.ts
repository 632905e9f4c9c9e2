// Runs one database update; the parent test kills this process part-way through.
import { updateDatabase } from '../update.js';

const [cacheDir, baseUrl, ecosystems] = process.argv.slice(2);
await updateDatabase({
  cacheDir: cacheDir!,
  baseUrl: baseUrl!,
  ecosystems: ecosystems!.split(','),
  log: (line) => process.stdout.write(`${line}\n`),
});
process.stdout.write('done\n');
