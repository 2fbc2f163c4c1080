/**
 * The guided lesson's words: for each stop of src/explain/lesson/stops.ts a title, a caption
 * (the d2l notebook's Chinese prose, and its English translation from the notebook's plain-words companion;
 * where the notebook only has code, what the code shows) and one thing to do.
 */
const en = {
  lesson: {
    start: 'Start the lesson',
    label: 'Lesson',
    progress: 'Stop {{n}} of {{total}}',
    previous: 'Previous stop',
    next: 'Next stop',
    doTask: 'Do this stop’s task (the first PageDown does it too)',
    allStops: 'All stops',
    leave: 'Leave the lesson',
    leaveHint: 'The page stays where it is.',
    fromNotebook: 'From the d2l notebook:',
    /** Between the numbers a caption lists (its `{{widths}}`, `{{sides}}`). */
    listSeparator: ', ',
    fromPaper: 'From the paper:',
    todo: 'Try this:',
    more: 'Try this',
    here: 'The lesson is about this part',
    stop: {
      nonNested: {
        title: 'Non-nested function classes',
        caption:
          'For non-nested function classes, a more complex class (a larger region) is not guaranteed to get closer to the “truth” function f*.',
        task: 'Look at the orange panel: F1 is the smallest class, and the dot is its best fit to f*.',
      },
      nonNestedGrow: {
        title: 'Larger, not closer',
        caption: 'The regions grow, but they drift: F4 is larger than F3, yet farther from f*.',
        task: 'Press “← Previous class” in the figure: the smaller F3 was closer. Then “Next class →” again.',
      },
      nonNestedFar: {
        title: 'F6 is larger than F3, yet farther',
        caption: 'F6 is larger than F3 yet farther from f*.',
        task: 'Read the orange panel and the distance chart: F6’s distance is larger than F3’s.',
      },
      nested: {
        title: 'Nested function classes',
        caption:
          'This does not happen with nested function classes. So only when larger function classes contain the smaller ones are we sure that growing them improves performance.',
        task: 'Drag f* somewhere else: the blue distance still never grows from one class to the next.',
      },
      identityLayer: {
        title: 'A new layer that can learn the identity',
        caption:
          'For deep networks: if a newly added layer can be trained into the identity function f(x) = x, the new model is at least as good as the original.',
        task: 'Run the experiment: a residual block with W₂ = 0 and a plain layer with W = I both change nothing. Read what really differs.',
      },
      residualFigure: {
        title: 'The residual block',
        caption:
          'He et al. (2016) proposed the residual network (ResNet). Its core idea: every additional layer should easily contain the identity function as one of its elements. That is the residual block.',
        task: 'Compare the two blocks: the residual one only has to learn g(x) = f(x) − x.',
      },
      residual33: {
        title: 'Residual(3, 3)',
        caption:
          'blk = Residual(3, 3) on X = torch.rand(4, 3, 6, 6): the block prints Y’s and X’s shape before the addition, both [4, 3, 6, 6].',
        task: 'Read the two printed shapes: they agree, so Y += X works.',
      },
      residual33Path: {
        title: 'Y += X, step by step',
        caption: 'Y = bn2(conv2(relu(bn1(conv1(X))))); then Y += X; then relu.',
        task: 'Focus the data path and press ← and → to walk from X to the output.',
      },
      residual36Fails: {
        title: 'Residual(3, 6) fails at Y += X',
        caption: 'With six output channels Y is (4, 6, 6, 6), but X is still (4, 3, 6, 6).',
        task: 'Read PyTorch’s error message, and the shapes it compared.',
      },
      residual36Fix: {
        title: 'The fix: a 1×1 convolution',
        caption:
          'The 1×1 convolution on the shortcut reshapes the input so the addition is possible when the channels change.',
        task: 'Look at conv3 on the data path: it turns 3 channels into 6.',
      },
      stride2: {
        title: 'The 1×1 convolution with stride 2',
        caption: 'The book also shows Residual(3, 6, use_1x1conv=True, strides=2) giving [4, 6, 3, 3].',
        task: 'Check the shapes on the data path: stride 2 halves 6×6 to 3×3 on both paths.',
      },
      zeroWeights: {
        title: 'The identity, with the weights at zero',
        caption: 'In the residual block the identity f(x) = x is reached by pushing the weights to zero.',
        task: 'Read the measured difference between the block’s output and relu(x).',
      },
      stages: {
        title: 'ResNet-18’s stages',
        caption:
          '7×7 convolution, 64 channels, stride 2, then 3×3 max-pool, then four modules of two residual blocks each ({{widths}} channels), global average pooling and a fully connected layer. X = torch.rand(size=(1, 1, 224, 224)).',
        task: 'Read the shapes down the diagram: {{sides}}.',
      },
      b1: {
        title: 'b1: the 7×7 convolution',
        caption: 'nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3): 224×224 becomes 112×112.',
        task: 'Find the highlighted line of the notebook’s code, then press → to step on.',
      },
      b2: {
        title: 'b2 keeps the size',
        caption: 'resnet_block(64, 64, 2, first_block=True): no 1×1 convolution, 56×56 stays 56×56.',
        task: 'Press → to move to b3.',
      },
      intoB3: {
        title: 'b3 halves the size',
        caption: 'Every module after the first halves height and width and starts with a 1×1-convolution block.',
        task: 'Press ↓ to step into b3.',
      },
      block: {
        title: 'Inside a residual block',
        caption: 'Residual(64, 128, use_1x1conv=True, strides=2).',
        task: 'Press ↓ to step into the block’s operations.',
      },
      shortcut: {
        title: 'The shortcut: conv3',
        caption: 'if self.conv3: X = self.conv3(X) — a 1×1 convolution with stride 2.',
        task: 'Press → to reach the addition.',
      },
      addition: {
        title: 'F(x) + x',
        caption: 'Y += X: the branch F(x), the shortcut x, and their sum, channel by channel.',
        task: 'Compare the three grids of feature maps: F(x), the shortcut x and their sum.',
      },
      deep: {
        title: 'b5: 512 channels of 7×7',
        caption: 'b5 output shape: torch.Size([1, 512, 7, 7]).',
        task: 'Press End to go to the output.',
      },
      prediction: {
        title: 'The prediction',
        caption:
          'In the book the network is then trained on Fashion-MNIST; here it is trained too, and predicts held-out images.',
        task: 'Pick another sample, or draw one, and watch the prediction change.',
      },
      lesion: {
        title: 'Delete a block',
        caption:
          'Veit, Wilber and Belongie (NeurIPS 2016) deleted one block at a time from a trained ResNet: the error barely changed, except at the blocks that downsample. Here the same is measured on this ResNet-18.',
        task: 'Press “Remove each block in turn”, then read which removals hurt; step through with one removed.',
      },
      lossSurface: {
        title: 'The loss surface',
        caption:
          'Why do skip connections help? Li et al. (2018) drew the loss around trained weights: deep plain networks sit in chaotic terrain, residual ones in a smooth basin.',
        task: 'Race the networks, then compute the loss surface around the weights they trained; compare it with PyTorch’s 56-layer surfaces beside it.',
      },
    },
  },
};

const zh: typeof en = {
  lesson: {
    start: '开始课程',
    label: '课程',
    progress: '第 {{n}} 站，共 {{total}} 站',
    previous: '上一站',
    next: '下一站',
    doTask: '完成这一站的任务（第一次按 PageDown 也会完成）',
    allStops: '全部站点',
    leave: '离开课程',
    leaveHint: '页面保持当前视图。',
    fromNotebook: '摘自 d2l 笔记本：',
    listSeparator: '、',
    fromPaper: '摘自论文：',
    todo: '试一试：',
    more: '试一试',
    here: '本站讲的是这一部分',
    stop: {
      nonNested: {
        title: '非嵌套函数类',
        caption: '对于非嵌套函数类，较复杂（由较大区域表示）的函数类不能保证更接近“真”函数（f*）。',
        task: '看橙色面板：F1 是最小的函数类，圆点是它对 f* 的最佳拟合。',
      },
      nonNestedGrow: {
        title: '更大，却不更近',
        caption: '区域在变大，但也在漂移：F4 比 F3 大，离 f* 却更远。',
        task: '点图中的“← 上一个函数类”：更小的 F3 反而更近。然后再点“下一个函数类 →”。',
      },
      nonNestedFar: {
        title: 'F6 比 F3 大，却更远',
        caption: 'F6 比 F3 大，离 f* 却更远。',
        task: '看橙色面板和距离图：F6 的距离比 F3 的大。',
      },
      nested: {
        title: '嵌套函数类',
        caption:
          '这种现象在嵌套函数类中不会发生。因此，只有当较复杂的函数类包含较小的函数类时，我们才能确保提高它们的性能。',
        task: '把 f* 拖到别处：蓝色的距离仍然不会从一个函数类到下一个而变大。',
      },
      identityLayer: {
        title: '能学成恒等映射的新层',
        caption:
          '对于深度神经网络，如果我们能将新添加的层训练成恒等映射（identity function）f(x) = x，新模型和原模型将同样有效。',
        task: '运行实验：W₂ = 0 的残差块和 W = I 的普通层都不改变任何输出。看看真正的区别在哪里。',
      },
      residualFigure: {
        title: '残差块',
        caption:
          '针对这一问题，何恺明等人提出了残差网络（ResNet）。残差网络的核心思想是：每个附加层都应该更容易地包含原始函数作为其元素之一。于是，残差块（residual blocks）便诞生了。',
        task: '比较两个块：残差块只需学习 g(x) = f(x) − x。',
      },
      residual33: {
        title: 'Residual(3, 3)',
        caption:
          'blk = Residual(3, 3) 作用于 X = torch.rand(4, 3, 6, 6)：块在相加之前打印 Y 和 X 的形状，都是 [4, 3, 6, 6]。',
        task: '读两行打印出的形状：它们一致，所以 Y += X 可行。',
      },
      residual33Path: {
        title: '一步一步地 Y += X',
        caption: 'Y = bn2(conv2(relu(bn1(conv1(X)))))；然后 Y += X；然后 relu。',
        task: '把焦点放在数据通路上，按 ← 和 → 从 X 走到输出。',
      },
      residual36Fails: {
        title: 'Residual(3, 6) 在 Y += X 处失败',
        caption: '输出 6 个通道时 Y 是 (4, 6, 6, 6)，而 X 仍是 (4, 3, 6, 6)。',
        task: '读 PyTorch 的错误信息，以及它比较的形状。',
      },
      residual36Fix: {
        title: '解决办法：1×1 卷积',
        caption: '捷径上的 1×1 卷积改变输入的形状，使通道数变化时也能相加。',
        task: '看数据通路上的 conv3：它把 3 个通道变成 6 个。',
      },
      stride2: {
        title: '步幅为 2 的 1×1 卷积',
        caption: '书中还展示了 Residual(3, 6, use_1x1conv=True, strides=2) 得到 [4, 6, 3, 3]。',
        task: '查看数据通路上的形状：步幅 2 在两条路径上都把 6×6 减半为 3×3。',
      },
      zeroWeights: {
        title: '权重为零时的恒等映射',
        caption: '在残差块中，把权重推向零就得到恒等映射 f(x) = x。',
        task: '读块的输出与 relu(x) 之间测得的差。',
      },
      stages: {
        title: 'ResNet-18 的各个模块',
        caption:
          '7×7 卷积、64 个通道、步幅 2，然后 3×3 最大汇聚，然后四个各含两个残差块的模块（{{widths}} 个通道），全局平均汇聚和全连接层。X = torch.rand(size=(1, 1, 224, 224))。',
        task: '沿着结构图读形状：{{sides}}。',
      },
      b1: {
        title: 'b1：7×7 卷积',
        caption: 'nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3)：224×224 变成 112×112。',
        task: '找到笔记本代码中高亮的那一行，然后按 → 继续。',
      },
      b2: {
        title: 'b2 保持尺寸',
        caption: 'resnet_block(64, 64, 2, first_block=True)：没有 1×1 卷积，56×56 仍是 56×56。',
        task: '按 → 走到 b3。',
      },
      intoB3: {
        title: 'b3 把尺寸减半',
        caption: '第一个之后的每个模块都把高和宽减半，并以一个带 1×1 卷积的块开始。',
        task: '按 ↓ 进入 b3。',
      },
      block: {
        title: '残差块内部',
        caption: 'Residual(64, 128, use_1x1conv=True, strides=2)。',
        task: '按 ↓ 进入这个块的各个运算。',
      },
      shortcut: {
        title: '捷径：conv3',
        caption: 'if self.conv3: X = self.conv3(X) —— 步幅为 2 的 1×1 卷积。',
        task: '按 → 走到相加这一步。',
      },
      addition: {
        title: 'F(x) + x',
        caption: 'Y += X：分支 F(x)、捷径 x 以及它们的和，逐通道显示。',
        task: '比较三组特征图：F(x)、捷径 x 和它们的和。',
      },
      deep: {
        title: 'b5：512 个 7×7 通道',
        caption: 'b5 的输出形状：torch.Size([1, 512, 7, 7])。',
        task: '按 End 走到输出。',
      },
      prediction: {
        title: '预测',
        caption: '书中随后在 Fashion-MNIST 上训练这个网络；这里它也训练过，并对留出的图像做预测。',
        task: '换一个样本，或者自己画一个，看预测如何变化。',
      },
      lesion: {
        title: '删除一个块',
        caption:
          'Veit、Wilber 和 Belongie（NeurIPS 2016）每次从训练好的 ResNet 中删除一个块：错误率几乎不变，只有下采样的块例外。这里在这个 ResNet-18 上做同样的测量。',
        task: '点击“依次删除每个块”，看看删除哪些块影响大；再删除一个块逐步查看。',
      },
      lossSurface: {
        title: '损失曲面',
        caption:
          '跳跃连接为什么有帮助？Li 等人（2018）画出了训练权重周围的损失：深的普通网络处在杂乱的地形中，残差网络则处在平滑的盆地里。',
        task: '先让网络赛跑，再计算它们训练出的权重周围的损失曲面，并与旁边 PyTorch 的 56 层曲面比较。',
      },
    },
  },
};

export const lessonStrings = { en, zh };
