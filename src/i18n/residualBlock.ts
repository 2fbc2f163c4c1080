/** Strings of the residual-block chapter, English and Chinese (same keys; a test checks). */
const en = {
  residualBlock: {
    heading: 'The residual block',
    p1: 'Every additional layer should easily contain the identity function as one of its elements. That is the residual block: the branch only has to learn g(x) = f(x) − x.',
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const zh: Strings<typeof en> = {
  residualBlock: {
    heading: '残差块',
    p1: '每个附加层都应该更容易地包含原始函数作为其元素之一。这就是残差块：分支只需学习 g(x) = f(x) − x。',
  },
};

export const residualBlockStrings = { en, zh };
