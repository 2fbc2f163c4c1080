import { describe, expect, it } from 'vitest';
import { classNameOf, isFashionMnist } from './classNames';

const SAMPLES = ['t-shirt', 'trouser', 'pullover', 'dress', 'coat', 'sandal', 'shirt', 'sneaker', 'bag', 'ankle boot'];
const TRAINED = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];
const zh = (i: number) => ['T恤/上衣', '裤子'][i] ?? `第 ${i} 类`;

describe('class names', () => {
  it('knows Fashion-MNIST in the samples file’s and the weights’ spellings', () => {
    expect(isFashionMnist(SAMPLES)).toBe(true);
    expect(isFashionMnist(TRAINED)).toBe(true);
    expect(isFashionMnist([...TRAINED].reverse())).toBe(false);
  });
  it('shows the page’s names for every Fashion-MNIST network, with or without weights', () => {
    expect(classNameOf(0, undefined, 'zh', zh)).toBe('T恤/上衣');
    expect(classNameOf(0, { classNames: SAMPLES }, 'zh', zh)).toBe('T恤/上衣');
    expect(classNameOf(1, { classNames: TRAINED }, 'zh', zh)).toBe('裤子');
  });
  it('keeps the names of weights trained on other classes', () => {
    const own = { classNames: ['cat', 'dog'], classNamesZh: ['猫', '狗'] };
    expect(classNameOf(1, own, 'zh', zh)).toBe('狗');
    expect(classNameOf(1, own, 'en', zh)).toBe('dog');
  });
});
