/**
 * Strings of the trained variants: their weights' status and download, and "does depth help
 * here?" (the table and the sentences of src/explain/variants/depth.ts), English and Chinese.
 */
const en = {
  trained: {
    label: 'trained, {{accuracy}} % held-out',
    untrained: 'untrained',
    note: '{{name}} is trained here: {{accuracy}} % correct on {{images}} held-out Fashion-MNIST images, at {{size}}×{{size}}.',
    download: 'Downloading the trained {{name}} ({{mb}} MB, only this once: it is kept for offline use)… {{percent}} %',
    downloadLabel: 'Download of the {{name}} weights',
    column: 'Weights',
  },
  depth: {
    title: 'Does depth help here?',
    caption:
      'Every trained network, at the size it was trained at: held-out accuracy (Fashion-MNIST, {{images}} images never trained on), cost, and time per image on this device.',
    name: 'Network',
    size: 'Input',
    accuracy: 'Held-out accuracy',
    params: 'Parameters',
    macs: 'Multiply-adds',
    time: 'Time per image here',
    paper: 'ImageNet top-1 error (paper)',
    measure: 'Time them on this device',
    measuring: 'Timing {{name}}…',
    timeFailed: 'Could not time {{name}} here: {{reason}}',
    one: 'Only {{name}} is trained so far ({{accuracy}} % held-out): there is nothing to compare it with yet.',
    versus:
      '{{name}} has {{macs}}× the multiply-adds and {{params}}× the parameters of {{base}}; its held-out accuracy is {{accuracy}} % against {{baseAccuracy}} % ({{points}} points).',
    versusTimed:
      '{{name}} has {{macs}}× the multiply-adds and {{params}}× the parameters of {{base}} and takes {{time}}× as long per image here; its held-out accuracy is {{accuracy}} % against {{baseAccuracy}} % ({{points}} points).',
    little_one:
      'So depth bought little on Fashion-MNIST: the best deeper network, {{best}}, is within one point of {{base}} ({{points}} points apart, {{count}} trained network). Its 55,000 training images are 28×28 gray pictures of ten kinds of clothing, and {{base}} already fits them: more layers add cost here, not accuracy.',
    little_other:
      'So depth bought little on Fashion-MNIST: the best deeper network, {{best}}, is within one point of {{base}} ({{points}} points apart, {{count}} trained networks). Its 55,000 training images are 28×28 gray pictures of ten kinds of clothing, and {{base}} already fits them: more layers add cost here, not accuracy.',
    helped: 'So depth helped here: {{best}} is {{points}} points above {{base}}, for {{macs}}× the multiply-adds.',
    worse:
      'So depth did not pay on Fashion-MNIST: no deeper network reached {{base}}; the best, {{best}}, is {{points}} points below it, for {{macs}}× the multiply-adds. Its 55,000 training images are 28×28 gray pictures of ten kinds of clothing, which {{base}} already fits.',
    differed:
      'The networks were trained at different input sizes or for different numbers of epochs (network, input size, epochs: {{runs}}), within what this project’s 2-core training machine allowed; each one’s cost below is at its own size.',
    imagenet:
      'On ImageNet (1.28 million colour images, 1,000 classes) the paper measured depth helping (He et al. 2016, Table 3, top-1 error, 10-crop testing): plain-34 {{plain34}} %, ResNet-34 {{r34}} %, ResNet-50 {{r50}} %, ResNet-101 {{r101}} %, ResNet-152 {{r152}} %. A harder problem with far more data leaves room for what more layers can learn.',
  },
};

const zh: typeof en = {
  trained: {
    label: '已训练，留出集 {{accuracy}} %',
    untrained: '未训练',
    note: '这里的 {{name}} 是训练过的：在 {{images}} 张留出的 Fashion-MNIST 图像上正确率 {{accuracy}} %，输入 {{size}}×{{size}}。',
    download: '正在下载训练好的 {{name}}（{{mb}} MB，只下载这一次：之后离线也可用）… {{percent}} %',
    downloadLabel: '{{name}} 权重的下载进度',
    column: '权重',
  },
  depth: {
    title: '在这里，更深有用吗？',
    caption:
      '每个训练过的网络，按它训练时的输入尺寸：留出集准确率（Fashion-MNIST，{{images}} 张从未用于训练的图像）、开销，以及在这台设备上每张图的时间。',
    name: '网络',
    size: '输入',
    accuracy: '留出集准确率',
    params: '参数',
    macs: '乘加次数',
    time: '这里每张图的时间',
    paper: 'ImageNet top-1 错误率（论文）',
    measure: '在这台设备上计时',
    measuring: '正在为 {{name}} 计时…',
    timeFailed: '无法在这里为 {{name}} 计时：{{reason}}',
    one: '目前只有 {{name}} 训练过（留出集 {{accuracy}} %）：还没有可以比较的网络。',
    versus:
      '{{name}} 的乘加次数是 {{base}} 的 {{macs}} 倍，参数是 {{params}} 倍；留出集准确率 {{accuracy}} %，对比 {{baseAccuracy}} %（{{points}} 个百分点）。',
    versusTimed:
      '{{name}} 的乘加次数是 {{base}} 的 {{macs}} 倍，参数是 {{params}} 倍，在这里每张图耗时是 {{time}} 倍；留出集准确率 {{accuracy}} %，对比 {{baseAccuracy}} %（{{points}} 个百分点）。',
    little_one:
      '所以在 Fashion-MNIST 上，更深几乎没有带来什么：最好的更深网络 {{best}} 与 {{base}} 相差不到一个百分点（相差 {{points}} 个百分点，共 {{count}} 个训练过的网络）。它的 55,000 张训练图像是十类衣物的 28×28 灰度图，{{base}} 已经能拟合它们：在这里，更多的层只增加开销，不增加准确率。',
    little_other:
      '所以在 Fashion-MNIST 上，更深几乎没有带来什么：最好的更深网络 {{best}} 与 {{base}} 相差不到一个百分点（相差 {{points}} 个百分点，共 {{count}} 个训练过的网络）。它的 55,000 张训练图像是十类衣物的 28×28 灰度图，{{base}} 已经能拟合它们：在这里，更多的层只增加开销，不增加准确率。',
    helped: '所以在这里更深有帮助：{{best}} 比 {{base}} 高 {{points}} 个百分点，代价是 {{macs}} 倍的乘加次数。',
    worse:
      '所以在 Fashion-MNIST 上，更深没有带来回报：没有一个更深的网络达到 {{base}} 的准确率；最好的 {{best}} 比它低 {{points}} 个百分点，乘加次数却是 {{macs}} 倍。它的 55,000 张训练图像是十类衣物的 28×28 灰度图，{{base}} 已经能拟合它们。',
    differed:
      '这些网络训练时的输入尺寸或轮数不同（网络、输入尺寸、轮数：{{runs}}），都是在本项目 2 核训练机器允许的范围内完成的；下面每个网络的开销都按它自己的尺寸计算。',
    imagenet:
      '在 ImageNet 上（128 万张彩色图像，1000 个类别），论文测得更深确实有帮助（He 等，2016，表 3，top-1 错误率，10-crop 测试）：plain-34 {{plain34}} %，ResNet-34 {{r34}} %，ResNet-50 {{r50}} %，ResNet-101 {{r101}} %，ResNet-152 {{r152}} %。更难的问题、多得多的数据，才给了更多层可学的东西。',
  },
};

export const depthStrings = { en, zh };
