// `npm run corpus -- DIR`: write the import test corpus (good and bad files) to DIR.
import fs from 'node:fs';
import { writeCorpus } from '../fixtures/import-corpus/corpus';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: npm run corpus -- DIR');
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });
await writeCorpus(dir);
console.log(`wrote the import corpus to ${dir}`);
