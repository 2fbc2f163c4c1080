/** Strings of the race chapter, English and Chinese (same keys; a test checks). */
const en = {
  race: {
    heading: 'Train it live: plain and residual networks race',
    p1: 'He et al. (2016) open the ResNet paper with one observation: a deeper plain network reaches a higher training error than a shallower one (the degradation problem), while a deeper residual network does better. Here small convolutional networks of both kinds train side by side on Fashion-MNIST, on this device, and the page says what this run measured.',
    p2: "The networks follow the paper's CIFAR networks: a 3×3 convolution 1 → w with batch norm and ReLU (no max-pool), three stages of n blocks at widths w, 2w, 4w on 28×28, 14×14 and 7×7 maps, global average pooling and a linear layer to 10 classes: 6n + 2 layers. The residual network uses the d2l notebook's Residual block; where a stage doubles the channels it is Residual(c, 2c, use_1x1conv=True, strides=2), the d2l notebook's 1×1 shortcut (the paper used zero-padded identity shortcuts there). The plain network is the same without Y += X and without conv3.",
    p3: 'Every network starts from the same seed, sees the same batches in the same order and trains with the same optimiser (SGD with momentum; batch norm on batch statistics). Loss is the mean of the last 50 steps (of a quarter of the race, when it is shorter than 200 steps); accuracy is measured on validation images the networks never train on.',
    recipe: 'How the networks are built and trained',
    plain: 'plain',
    residual: 'residual',
    network: '{{family}}, {{depth}} layers',
    referenceShort: '(reference)',
    stepsAxis: 'training step',
    secondsAxis: 'seconds of training (this network)',
    lossAxis: 'training loss (mean of {{smooth}} steps)',
    accuracyAxis: 'validation accuracy',
    axisLabel: 'Across the charts',
    axis: { steps: 'steps', seconds: 'seconds' },
    legend: 'Networks',
    referenceLegend_one: 'dashed: reference run (PyTorch, {{count}} step, same data and recipe)',
    referenceLegend_other: 'dashed: reference run (PyTorch, {{count}} steps, same data and recipe)',
    noReference: 'no reference run was made for this width',
    lossTitle: 'Training loss',
    accuracyTitle: 'Validation accuracy ({{images}} images)',
    secondsNote:
      'Against seconds each network is charted by its own training time; the reference run, timed on another machine, is shown against steps only.',
    gradients: {
      heading: 'Gradient norm of every layer',
      intro_one:
        "One heatmap per network: a row per layer (the input at the top, the output at the bottom), a column every step, the colour is the norm of that layer's weight gradient. The numbers under each map are the first and the last layer's latest norm.",
      intro_other:
        "One heatmap per network: a row per layer (the input at the top, the output at the bottom), a column every {{count}} steps, the colour is the norm of that layer's weight gradient. The numbers under each map are the first and the last layer's latest norm.",
      small: 'small ({{value}})',
      large: 'large ({{value}})',
    },
    findings: {
      heading: 'What this run measured',
      none: 'Start the race: the sentences here are written from its numbers.',
      deepPlainAbove_one:
        "After {{count}} step the {{deep}}-layer plain network's training loss is {{pD}}, above the {{shallow}}-layer plain network's {{pS}}; the {{deep}}-layer residual network's is {{rD}}.",
      deepPlainAbove_other:
        "After {{count}} steps the {{deep}}-layer plain network's training loss is {{pD}}, above the {{shallow}}-layer plain network's {{pS}}; the {{deep}}-layer residual network's is {{rD}}.",
      deepPlainBelow_one:
        "After {{count}} step the {{deep}}-layer plain network's training loss is {{pD}}, below the {{shallow}}-layer plain network's {{pS}}; the {{deep}}-layer residual network's is {{rD}}.",
      deepPlainBelow_other:
        "After {{count}} steps the {{deep}}-layer plain network's training loss is {{pD}}, below the {{shallow}}-layer plain network's {{pS}}; the {{deep}}-layer residual network's is {{rD}}.",
      shows:
        'This run shows the degradation problem: the deeper plain network trains worse than the shallower one, and the residual network of the same depth trains better than the deeper plain one.',
      showsDegradationOnly:
        'The deeper plain network trains worse than the shallower one, but in this run the residual network of the same depth does not do better ({{rD}} against {{pD}}).',
      notShown:
        'This run does not show the effect: the {{deep}}-layer plain network trains no worse than the {{shallow}}-layer one. Try more steps or more depth.',
      tooEarly_one: 'Too early to judge: a verdict waits for {{count}} step, the window the losses are averaged over.',
      tooEarly_other:
        'Too early to judge: a verdict waits for {{count}} steps, the window the losses are averaged over.',
      oneDepth_one:
        "After {{count}} step at {{depth}} layers the plain network's training loss is {{plain}} and the residual network's {{residual}}. Choose two depths to see the degradation problem.",
      oneDepth_other:
        "After {{count}} steps at {{depth}} layers the plain network's training loss is {{plain}} and the residual network's {{residual}}. Choose two depths to see the degradation problem.",
      accuracy:
        'Validation accuracy: {{aS}} % for the {{shallow}}-layer plain network, {{aD}} % for the {{deep}}-layer plain network, {{aR}} % for the {{deep}}-layer residual network.',
      paper:
        'For reference, the paper (CIFAR-10, 64,000 iterations): plain-56 trains to a higher training error than plain-20 (its Figure 6); test error of the residual networks: {{errors}}.',
    },
    cost: {
      caption: 'What depth costs, and where each network stands (loss: mean of the last {{window}} steps)',
      network: 'Network',
      params: 'Parameters',
      macs: 'Multiply-adds per image',
      msPerStep: 'ms per step',
      imagesPerSecond: 'Images per second',
      loss: 'Training loss',
      accuracy: 'Validation accuracy',
    },
    controls: {
      depths: 'Depths',
      depth: '{{depth}} layers (n = {{n}})',
      auto: 'none chosen in the link: the budget decides',
      budget: 'Budget',
      budgetAuto: 'automatic: the largest that ends in about {{minutes}} minutes here',
      budgetOption_one: '{{name}}: {{depths}} layers, width {{width}}, {{count}} step of {{batch}} images',
      budgetOption_other: '{{name}}: {{depths}} layers, width {{width}}, {{count}} steps of {{batch}} images',
      budgetTime: '{{option}} (about {{time}} here)',
      budgetPace: 'times from the pace of the last race here',
      width: 'Width w',
      automatic: 'automatic',
      steps: 'Steps',
      start: 'Start the race',
      again: 'Start again',
      pause: 'Pause',
      resume: 'Resume',
      reset: 'Reset',
    },
    status: {
      measuring: 'Measuring which backend trains fastest here…',
      running: 'Training on {{backend}}: step {{done}} of {{steps}}',
      paused: 'Paused at step {{done}} of {{steps}}',
      done_one: 'Finished {{count}} step on {{backend}} in {{time}}.',
      done_other: 'Finished {{count}} steps on {{backend}} in {{time}}.',
      expected: 'Expected time here: about {{time}}, from the speed measured on {{backend}}.',
      timeLeft: 'about {{time}} left',
      budgetByPage:
        'The {{name}} budget was chosen for the speed measured here. A bigger one can be chosen under Budget, which says how long each takes.',
      budgetByTeacher: 'The {{name}} budget, as chosen.',
      progress: 'Race progress',
      measured: 'Measured on this device (a small network, a few steps): {{list}}. Training on {{chosen}}.',
      ms: '{{backend}} {{ms}} ms per step',
      separator: ', ',
      failure: {
        timeout: '{{backend}} stopped after {{seconds}} s, too slow to wait for',
        unavailable: '{{backend}} is not available in this browser',
        cannotTrain: '{{backend}} cannot train these networks (a gradient kernel is missing)',
        failed: '{{backend}} failed while training',
        skipped: '{{backend}} not timed: a faster backend had already trained',
      },
      noBackend: 'The race could not start: no backend could train here. Reload the page, or try another browser.',
      trainingFailed:
        'The race stopped: training failed on {{backend}}. Reset and start again, or force the CPU with ?backend=cpu in the link.',
      budgetNames: {
        quick: 'quick',
        short: 'short',
        standard: 'standard',
        long: 'long',
      },
    },
    data: {
      loading: 'Downloading the training images ({{mb}} MB, once)… {{percent}} %',
      progress: 'Download of the training images',
      ready:
        '{{train}} training images ({{perClass}} a class) and {{val}} validation images (images {{first}}–{{last}} of each class) of Fashion-MNIST are loaded; the held-out images are never shipped.',
      error: 'The training images could not be downloaded. Check the connection and reload the page.',
    },
    time: {
      hours: '{{hours}} h {{minutes}} min',
      wholeMinutes: '{{minutes}} min',
      minutes: '{{minutes}} min {{seconds}} s',
      seconds: '{{seconds}} s',
    },
    download: {
      label: 'Download the run',
      json: 'JSON',
      csv: 'CSV',
      note: 'every curve, the set-up, the backend and the times',
    },
  },
};

const zh: typeof en = {
  race: {
    heading: '现场训练：普通网络与残差网络赛跑',
    p1: 'He 等人（2016）的 ResNet 论文从一个观察开始：更深的普通网络的训练误差反而高于较浅的网络（退化问题），而更深的残差网络表现更好。这里两类小型卷积网络在 Fashion-MNIST 上、在你的设备上并排训练，页面说明这次运行实际测到了什么。',
    p2: '网络沿用论文中的 CIFAR 网络：一个 1 → w 的 3×3 卷积加批量规范化和 ReLU（没有最大汇聚），三个阶段各 n 个块，宽度 w、2w、4w，特征图 28×28、14×14、7×7，全局平均汇聚，最后一个线性层输出 10 类：共 6n + 2 层。残差网络使用d2l 笔记本的 Residual 块；通道翻倍处是 Residual(c, 2c, use_1x1conv=True, strides=2)，即d2l 笔记本的 1×1 捷径（论文在那里用的是补零的恒等捷径）。普通网络相同，只是去掉 Y += X 和 conv3。',
    p3: '每个网络用同一个种子初始化，按同样的顺序看到同样的批量，用同样的优化器训练（带动量的 SGD；批量规范化使用批量统计量）。损失取最后 50 步的平均（赛跑短于 200 步时取最后四分之一）；准确率在网络从未训练过的验证图像上测量。',
    recipe: '网络如何构建与训练',
    plain: '普通',
    residual: '残差',
    network: '{{family}}，{{depth}} 层',
    referenceShort: '（参考）',
    stepsAxis: '训练步数',
    secondsAxis: '训练秒数（该网络）',
    lossAxis: '训练损失（{{smooth}} 步平均）',
    accuracyAxis: '验证准确率',
    axisLabel: '图表横轴',
    axis: { steps: '步数', seconds: '秒数' },
    legend: '网络',
    referenceLegend_one: '虚线：参考运行（PyTorch，{{count}} 步，相同数据与配方）',
    referenceLegend_other: '虚线：参考运行（PyTorch，{{count}} 步，相同数据与配方）',
    noReference: '这个宽度没有参考运行',
    lossTitle: '训练损失',
    accuracyTitle: '验证准确率（{{images}} 张图像）',
    secondsNote: '按秒数绘制时，每个网络用它自己的训练时间；参考运行是在另一台机器上计时的，只按步数显示。',
    gradients: {
      heading: '每一层的梯度范数',
      intro_one:
        '每个网络一张热图：每层一行（输入在上，输出在下），每步一列，颜色是该层权重梯度的范数。图下的数字是第一层和最后一层最新的范数。',
      intro_other:
        '每个网络一张热图：每层一行（输入在上，输出在下），每 {{count}} 步一列，颜色是该层权重梯度的范数。图下的数字是第一层和最后一层最新的范数。',
      small: '小（{{value}}）',
      large: '大（{{value}}）',
    },
    findings: {
      heading: '这次运行测到了什么',
      none: '开始赛跑：这里的句子由它的数字生成。',
      deepPlainAbove_one:
        '{{count}} 步之后，{{deep}} 层普通网络的训练损失是 {{pD}}，高于 {{shallow}} 层普通网络的 {{pS}}；{{deep}} 层残差网络的是 {{rD}}。',
      deepPlainAbove_other:
        '{{count}} 步之后，{{deep}} 层普通网络的训练损失是 {{pD}}，高于 {{shallow}} 层普通网络的 {{pS}}；{{deep}} 层残差网络的是 {{rD}}。',
      deepPlainBelow_one:
        '{{count}} 步之后，{{deep}} 层普通网络的训练损失是 {{pD}}，低于 {{shallow}} 层普通网络的 {{pS}}；{{deep}} 层残差网络的是 {{rD}}。',
      deepPlainBelow_other:
        '{{count}} 步之后，{{deep}} 层普通网络的训练损失是 {{pD}}，低于 {{shallow}} 层普通网络的 {{pS}}；{{deep}} 层残差网络的是 {{rD}}。',
      shows:
        '这次运行显示了退化问题：更深的普通网络比较浅的训练得更差，而同样深度的残差网络比更深的普通网络训练得更好。',
      showsDegradationOnly:
        '更深的普通网络比较浅的训练得更差，但这次运行中同样深度的残差网络并没有更好（{{rD}} 对 {{pD}}）。',
      notShown:
        '这次运行没有显示这个效应：{{deep}} 层普通网络训练得并不比 {{shallow}} 层的差。试试更多步数或更深的网络。',
      tooEarly_one: '现在下结论还太早：要等到 {{count}} 步，即损失求平均的窗口。',
      tooEarly_other: '现在下结论还太早：要等到 {{count}} 步，即损失求平均的窗口。',
      oneDepth_one:
        '{{count}} 步之后，{{depth}} 层的普通网络训练损失是 {{plain}}，残差网络是 {{residual}}。选择两个深度才能看到退化问题。',
      oneDepth_other:
        '{{count}} 步之后，{{depth}} 层的普通网络训练损失是 {{plain}}，残差网络是 {{residual}}。选择两个深度才能看到退化问题。',
      accuracy:
        '验证准确率：{{shallow}} 层普通网络 {{aS}} %，{{deep}} 层普通网络 {{aD}} %，{{deep}} 层残差网络 {{aR}} %。',
      paper:
        '作为参考，论文（CIFAR-10，64,000 次迭代）：普通 56 层网络的训练误差高于普通 20 层网络（论文图 6）；残差网络的测试误差：{{errors}}。',
    },
    cost: {
      caption: '深度的代价，以及每个网络的现状（损失：最后 {{window}} 步的平均）',
      network: '网络',
      params: '参数',
      macs: '每张图像的乘加次数',
      msPerStep: '每步毫秒',
      imagesPerSecond: '每秒图像数',
      loss: '训练损失',
      accuracy: '验证准确率',
    },
    controls: {
      depths: '深度',
      depth: '{{depth}} 层（n = {{n}}）',
      auto: '链接中未选择：由预算决定',
      budget: '预算',
      budgetAuto: '自动：在这里大约 {{minutes}} 分钟内完成的最大预算',
      budgetOption_one: '{{name}}：{{depths}} 层，宽度 {{width}}，{{count}} 步，每步 {{batch}} 张图像',
      budgetOption_other: '{{name}}：{{depths}} 层，宽度 {{width}}，{{count}} 步，每步 {{batch}} 张图像',
      budgetTime: '{{option}}（在这里约 {{time}}）',
      budgetPace: '时间按这里上一场比赛的速度估计',
      width: '宽度 w',
      automatic: '自动',
      steps: '步数',
      start: '开始赛跑',
      again: '重新开始',
      pause: '暂停',
      resume: '继续',
      reset: '重置',
    },
    status: {
      measuring: '正在测量哪个后端在这里训练最快……',
      running: '在 {{backend}} 上训练：第 {{done}} 步，共 {{steps}} 步',
      paused: '暂停于第 {{done}} 步，共 {{steps}} 步',
      done_one: '已在 {{backend}} 上完成 {{count}} 步，用时 {{time}}。',
      done_other: '已在 {{backend}} 上完成 {{count}} 步，用时 {{time}}。',
      expected: '预计在这里用时约 {{time}}（按在 {{backend}} 上测得的速度）。',
      timeLeft: '还剩约 {{time}}',
      budgetByPage:
        '按这里测得的速度选择了「{{name}}」预算。可以在“预算”中选择更大的预算，那里写着每个预算需要多长时间。',
      budgetByTeacher: '按所选的「{{name}}」预算。',
      progress: '赛跑进度',
      measured: '在本设备上测得（一个小网络，几步）：{{list}}。在 {{chosen}} 上训练。',
      ms: '{{backend}} 每步 {{ms}} 毫秒',
      separator: '；',
      failure: {
        timeout: '{{backend}} 在 {{seconds}} 秒后被停止，太慢，不再等待',
        unavailable: '{{backend}} 在这个浏览器中不可用',
        cannotTrain: '{{backend}} 无法训练这些网络（缺少一个梯度内核）',
        failed: '{{backend}} 训练时出错',
        skipped: '{{backend}} 未计时：更快的后端已经能训练',
      },
      noBackend: '赛跑无法开始：这里没有后端能够训练。请重新载入页面，或换一个浏览器。',
      trainingFailed: '赛跑停止了：在 {{backend}} 上训练出错。请重置后重新开始，或在链接中加上 ?backend=cpu 改用 CPU。',
      budgetNames: {
        quick: '快速',
        short: '较短',
        standard: '标准',
        long: '较长',
      },
    },
    data: {
      loading: '正在下载训练图像（{{mb}} MB，只需一次）…… {{percent}} %',
      progress: '训练图像下载进度',
      ready:
        '已载入 Fashion-MNIST 的 {{train}} 张训练图像（每类 {{perClass}} 张）和 {{val}} 张验证图像（每类第 {{first}}–{{last}} 张）；留出的测试图像从不发送。',
      error: '无法下载训练图像。请检查网络连接后重新载入页面。',
    },
    time: {
      hours: '{{hours}} 小时 {{minutes}} 分',
      wholeMinutes: '{{minutes}} 分钟',
      minutes: '{{minutes}} 分 {{seconds}} 秒',
      seconds: '{{seconds}} 秒',
    },
    download: {
      label: '下载这次运行',
      json: 'JSON',
      csv: 'CSV',
      note: '所有曲线、设置、后端与时间',
    },
  },
};

export const raceStrings = { en, zh };
