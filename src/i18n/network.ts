/** Strings of the network chapter's variants, costs and own-weights loader, English and Chinese (same keys). */
const en = {
  network: {
    choose: 'Network',
    untrained: 'untrained',
    untrainedNote:
      '{{name}} is untrained here: PyTorch’s default initialisation (seed 0). Its shapes and costs are real; its predictions are meaningless.',
    yours: 'your weights',
    yoursNote: 'Computed with your weights ({{file}}, {{name}}); nothing was uploaded.',
    yoursSummary: 'Use your weights…',
    yoursDrop: 'Choose or drop model.json and its .bin files (or their folder) here:',
    yoursFiles: 'Choose files',
    yoursFolder: 'Choose a folder',
    yoursLoading: 'Reading your weights…',
    yoursBad: 'These files cannot be used: {{message}}',
    yoursForget: 'Back to the page’s weights',
    tooBig:
      '{{name}} at {{size}}×{{size}} needs {{need}} MB for its activations; this device allows {{budget}} MB for one trace. Choose a smaller size or a smaller network.',
    compare: {
      title: 'The variants side by side',
      caption: 'Cost of one {{size}}×{{size}} gray image, computed from each network’s description.',
      name: 'Network',
      depth: 'Depth',
      params: 'Parameters',
      macs: 'Multiply-adds',
      memory: 'Activations (MB)',
      paper: 'Paper’s Table 1 FLOPs',
      why: 'The paper counts 224×224 colour images (3 channels) and 1,000 classes, and its convolutions have no bias; here the input has 1 channel, the linear layer 10 outputs, and every Conv2d has a bias, as in the d2l notebook. Multiply-adds of the convolutions and the linear layer are counted (biases, batch norm, ReLU, pooling and additions are not), so at 224×224 the numbers are close to the paper’s but not equal. The bottleneck networks put the stride on the 3×3 convolution, as torchvision does; the paper put it on the first 1×1, which costs less.',
    },
    cost: {
      title: 'Cost of every layer',
      caption:
        'Sort by any column. {{name}} at {{size}}×{{size}}: {{params}} parameters, {{macs}} multiply-adds, {{memory}} MB of activations.',
      order: '#',
      layer: 'Layer',
      shape: 'Output shape',
      params: 'Parameters',
      macs: 'Multiply-adds',
      bytes: 'Output (bytes)',
      sortBy: 'Sort by {{column}}',
      stages: 'Per stage',
      stage: 'Stage',
    },
    diagramCost: '{{params}} parameters · {{macs}} multiply-adds · output {{bytes}} bytes',
    explain: {
      bottleneck: {
        block:
          'A bottleneck block: a 1×1 convolution narrows the channels, a 3×3 convolution works at that narrow width (with the block’s stride), a 1×1 convolution widens them four times, and the block outputs ReLU(F(x) + x). Three thin layers cost less than two wide 3×3 ones.',
        shortcut:
          'The 1×1 convolution on the shortcut (conv4): it gives x the block’s four-times-wider channels and the block’s stride, so that it can be added to F(x).',
      },
      preact: {
        block:
          'A pre-activation block: batch norm and ReLU come before each convolution, Y = conv2(relu(bn2(conv1(relu(bn1(X)))))), and the block outputs Y + X with no ReLU after it, so the shortcut stays a clean identity path.',
        add: 'The addition Y + X is the block’s output: no ReLU follows it in a pre-activation block.',
      },
    },
  },
};

const zh: typeof en = {
  network: {
    choose: '网络',
    untrained: '未训练',
    untrainedNote: '这里的 {{name}} 未经训练：PyTorch 的默认初始化（种子 0）。形状和开销是真实的，预测没有意义。',
    yours: '你的权重',
    yoursNote: '用你的权重计算（{{file}}，{{name}}）；没有上传任何东西。',
    yoursSummary: '使用你的权重…',
    yoursDrop: '在这里选择或拖入 model.json 及其 .bin 文件（或它们所在的文件夹）：',
    yoursFiles: '选择文件',
    yoursFolder: '选择文件夹',
    yoursLoading: '正在读取你的权重…',
    yoursBad: '这些文件无法使用：{{message}}',
    yoursForget: '回到页面自带的权重',
    tooBig:
      '{{name}} 在 {{size}}×{{size}} 时激活值需要 {{need}} MB；本设备一次追踪最多允许 {{budget}} MB。请选择更小的尺寸或更小的网络。',
    compare: {
      title: '各个变体并排比较',
      caption: '一张 {{size}}×{{size}} 灰度图的开销，由每个网络的描述计算得出。',
      name: '网络',
      depth: '深度',
      params: '参数',
      macs: '乘加次数',
      memory: '激活值（MB）',
      paper: '论文表 1 的 FLOPs',
      why: '论文按 224×224 彩色图（3 个通道）和 1000 个类别计算，卷积没有偏置；这里输入只有 1 个通道，线性层 10 个输出，并且和 d2l 笔记本一样每个 Conv2d 都有偏置。这里只计卷积和线性层的乘加（偏置、批量规范化、ReLU、池化和加法不计），所以在 224×224 时数字与论文接近但不相等。瓶颈网络像 torchvision 一样把步幅放在 3×3 卷积上；论文放在第一个 1×1 上，开销更小。',
    },
    cost: {
      title: '每一层的开销',
      caption:
        '点击任一列排序。{{name}}，{{size}}×{{size}}：{{params}} 个参数，{{macs}} 次乘加，{{memory}} MB 激活值。',
      order: '#',
      layer: '层',
      shape: '输出形状',
      params: '参数',
      macs: '乘加次数',
      bytes: '输出（字节）',
      sortBy: '按{{column}}排序',
      stages: '按阶段',
      stage: '阶段',
    },
    diagramCost: '{{params}} 个参数 · {{macs}} 次乘加 · 输出 {{bytes}} 字节',
    explain: {
      bottleneck: {
        block:
          '瓶颈块：1×1 卷积先减少通道数，3×3 卷积在这个较窄的宽度上计算（使用块的步幅），再由 1×1 卷积把通道数扩大四倍，块的输出为 ReLU(F(x) + x)。三个窄层比两个宽的 3×3 层开销更小。',
        shortcut: '捷径上的 1×1 卷积（conv4）：让 x 具有块输出的四倍通道数和块的步幅，这样才能与 F(x) 相加。',
      },
      preact: {
        block:
          '预激活块：批量规范化和 ReLU 放在每个卷积之前，Y = conv2(relu(bn2(conv1(relu(bn1(X)))))，块的输出为 Y + X，之后没有 ReLU，因此捷径保持为干净的恒等路径。',
        add: '加法 Y + X 就是块的输出：预激活块中其后没有 ReLU。',
      },
    },
  },
};

export const networkStrings = { en, zh };
