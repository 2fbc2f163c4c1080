/** Strings of the function-classes chapter, English and Chinese (same keys; a test checks). */
const en = {
  functionClasses: {
    heading: 'Why nested function classes matter',
    p1: 'For non-nested function classes, a larger class is not guaranteed to get closer to the "truth" function f*. This does not happen with nested function classes.',
    p2: 'For deep networks: if a newly added layer can be trained into the identity function f(x) = x, the new model is at least as good as the original.',
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const zh: Strings<typeof en> = {
  functionClasses: {
    heading: '为什么嵌套函数类很重要',
    p1: '对于非嵌套函数类，较复杂（由较大区域表示）的函数类不能保证更接近“真”函数 f*。这种现象在嵌套函数类中不会发生。',
    p2: '对于深度神经网络，如果我们能将新添加的层训练成恒等映射 f(x) = x，新模型和原模型将同样有效。',
  },
};

export const functionClassesStrings = { en, zh };
