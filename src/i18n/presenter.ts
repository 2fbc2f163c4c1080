/** Words of the presenter's tools: the key overlay, fullscreen, where to begin, the next chapter. */
const en = {
  keys: {
    title: 'Keys on this page',
    show: 'Show the keys',
    close: 'Close',
    fullscreen: 'Fullscreen',
    page: 'Every page',
    name: {
      ArrowLeft: '←',
      ArrowRight: '→',
      ArrowUp: '↑',
      ArrowDown: '↓',
      PageDown: 'Page Down',
      PageUp: 'Page Up',
      Home: 'Home',
      End: 'End',
      Space: 'Space',
      Shift: 'Shift +',
    },
    path: {
      when: 'while the data path has focus',
      previous: 'Previous step of the data path',
      next: 'Next step of the data path',
      first: 'X, the input',
      last: 'The last step computed',
    },
    truth: {
      when: 'while f* has focus',
      move: 'Move f*',
      moveFar: 'Move f* five times as far',
    },
  },
  start: {
    heading: 'Where to begin',
    lesson: 'The guided lesson walks the d2l chapter in {{count}} stops, one thing to look at or do in each.',
    chapters: 'Or open a chapter:',
    functionClasses: 'why only nested function classes guarantee that a bigger model is no worse',
    residualBlock: 'the notebook’s Residual class as a lab: shapes, errors, the 1×1 convolution',
    resnet18: 'a real tensor stepped through the trained ResNet-18, and the deeper variants',
    race: 'plain and residual networks trained side by side on your device',
  },
  nextChapter: {
    label: 'Next chapter',
    to: 'Next chapter: {{name}} →',
    end: 'This is the last chapter. Take the guided lesson to see it all in order.',
  },
  formula: {
    outputSize: 'Output size, with this step’s numbers',
    batchNorm: 'Batch normalisation, channel by channel',
    addition: 'The addition of the d2l notebook’s forward, Y += X',
    residual: 'What the residual block computes: the layers learn g, the block adds x back',
    nested: 'Nested function classes: each class contains the one before',
  },
  copyLink: {
    label: 'Copy link to this view',
    done: 'Link copied',
    failed: 'Could not copy; the address bar holds the link',
  },
};

const zh: typeof en = {
  keys: {
    title: '本页的按键',
    show: '显示按键',
    close: '关闭',
    fullscreen: '全屏',
    page: '所有页面',
    name: {
      ArrowLeft: '←',
      ArrowRight: '→',
      ArrowUp: '↑',
      ArrowDown: '↓',
      PageDown: '下翻页键',
      PageUp: '上翻页键',
      Home: 'Home 键',
      End: 'End 键',
      Space: '空格键',
      Shift: 'Shift 键 +',
    },
    path: {
      when: '焦点在数据通路上时',
      previous: '数据通路的上一步',
      next: '数据通路的下一步',
      first: 'X，即输入',
      last: '最后算出的一步',
    },
    truth: {
      when: '焦点在 f* 上时',
      move: '移动 f*',
      moveFar: '把 f* 移动五倍距离',
    },
  },
  start: {
    heading: '从哪里开始',
    lesson: '引导式课程分 {{count}} 站走完 d2l 的这一章，每站只看或只做一件事。',
    chapters: '或者打开一章：',
    functionClasses: '为什么只有嵌套函数类才能保证更大的模型不会更差',
    residualBlock: '把笔记本中的 Residual 类做成实验：形状、错误、1×1 卷积',
    resnet18: '让一个真实的张量一步步走过训练好的 ResNet-18，以及更深的变体',
    race: '在你的设备上并排训练普通网络与残差网络',
  },
  nextChapter: {
    label: '下一章',
    to: '下一章：{{name}} →',
    end: '这是最后一章。跟着引导式课程按顺序看完全部内容。',
  },
  formula: {
    outputSize: '输出尺寸，代入这一步的数值',
    batchNorm: '批量规范化，逐通道进行',
    addition: '笔记本中 forward 的相加：Y += X',
    residual: '残差块计算的内容：各层学习 g，块再把 x 加回来',
    nested: '嵌套函数类：每个函数类都包含前一个',
  },
  copyLink: {
    label: '复制此视图的链接',
    done: '链接已复制',
    failed: '无法复制；地址栏中就是链接',
  },
};

export const presenterStrings = { en, zh };
