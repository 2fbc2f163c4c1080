/** Strings of the function-classes chapter, English and Chinese (same keys; a test checks). */
const en = {
  functionClasses: {
    heading: 'Why nested function classes matter',
    p1: 'For non-nested function classes, a larger class is not guaranteed to get closer to the "truth" function f*. This does not happen with nested function classes.',
    p2: 'For deep networks: if a newly added layer can be trained into the identity function f(x) = x, the new model is at least as good as the original.',
    figure: {
      heading: 'The figure, one class at a time',
      nonNested: 'Non-nested function classes',
      nested: 'Nested function classes',
      short: { nonNested: 'non-nested', nested: 'nested' },
      notebook1:
        'For non-nested function classes, a more complex class (a larger region) is not guaranteed to get closer to the "truth" function f*. This does not happen with nested function classes.',
      notebook2:
        'So only when larger function classes contain the smaller ones are we sure that growing them improves performance.',
      prev: 'Previous class',
      next: 'Next class',
      stepOf: 'Class F{{i}} of {{n}}',
      stepLabel: 'Show classes up to',
      reset: 'Put f* back',
      truthLabel: 'The truth f* at ({{x}}, {{y}}). Drag it, or use the arrow keys (Shift: larger steps).',
      dragHint: 'Drag the star f* (or focus it and use the arrow keys) and watch both distances.',
      best: 'best approximation in F{{i}}',
      distanceTitle: 'Distance from f* to the best approximation in each class',
      distanceAxis: 'distance',
      classAxis: 'class',
      contains: 'F{{prev}} ⊂ F{{i}}: whatever the smaller class could do, the larger one still can.',
      step: {
        first: 'F{{i}} is the smallest class. Its best approximation of the truth, f*_F{{i}}, is {{d}} away from f*.',
        closer: 'F{{i}} is larger than F{{prev}}, and its best approximation is closer: {{d}} instead of {{before}}.',
        farther:
          'F{{i}} is larger than F{{prev}}, yet its best approximation is farther from f*: {{d}} instead of {{before}}.',
        same: 'F{{i}} is larger than F{{prev}}, but gets no closer: still {{d}}.',
        fartherThan: 'Compared with the smaller F{{j}}, F{{i}} is farther from f*: {{d}} against {{dj}}.',
        inside: 'f* lies inside F{{i}}: this class contains the truth, distance 0.',
        stillInside: 'f* is still inside F{{i}}: distance 0.',
      },
      summary: {
        nestedNeverGrows:
          'Nested: every class contains the one before, so the distance can only stay or shrink, wherever you put f*.',
        nonNestedGrew:
          'Non-nested: for this f*, some larger class is farther away than the one before it. Bigger did not mean better.',
        nonNestedLucky: 'Non-nested: for this f* the distance happens never to grow. Drag f* elsewhere and it will.',
      },
    },
    experiment: {
      heading: 'Measure it: plain and residual networks of growing depth',
      intro:
        "Both families fit the same target, y = sin(3x) + 0.3x², at {{points}} points on [−2, 2], with width {{width}}, Adam (learning rate {{lr}}), {{steps}} full-batch steps and seed {{seed}}, at depths {{depths}}. A plain network adds layers h ← relu(W·h + b). A residual one adds blocks h ← relu(h + W₂·relu(W₁·h + b₁) + b₂), the d2l notebook's Residual with dense layers; W₂ and b₂ start at zero, so every residual network starts as its first layer followed by identities. A residual block has two weight layers, so at depth {{deepest}} the plain network has {{plainParams}} weights and the residual one {{residualParams}}.",
      run: 'Run the experiment',
      again: 'Run again',
      stop: 'Stop',
      starting: 'Starting the compute backend…',
      progress: 'Training the {{family}} network of depth {{depth}} on {{backend}}… {{percent}} %',
      progressConstruction:
        'Appending a layer ({{layer}}) to the trained network of depth {{depth}} on {{backend}}… {{percent}} %',
      progressLabel: 'Experiment progress',
      ranOn: 'This run: {{backend}}, in a Web Worker, {{seconds}} s.',
      recorded:
        'Recorded result, not measured on this computer: the same experiment ran on {{date}} on {{backend}} in Node, in {{seconds}} s. Run it to measure it here; the live run replaces this one.',
      stopped: 'Stopped. Run it again to see the whole curve.',
      error: 'The experiment failed: {{message}}',
      plain: 'plain',
      residual: 'residual',
      target: 'target',
      lossTitle: 'Final training loss against depth',
      depthAxis: 'depth (layers)',
      lossAxis: 'training loss (MSE, log scale)',
      fitTitle: 'The target, and the depth-{{depth}} networks after training',
      measuredHeading: 'What this run measured',
      numbers: 'Every final loss, by depth',
      depth: 'depth',
      deepest: 'At depth {{depth}}, the plain network ended at loss {{plain}} and the residual one at {{residual}}.',
      trend:
        '{{family}}: from depth {{from}} to {{to}} the loss went from {{first}} to {{last}}; the lowest was {{bestLoss}}, at depth {{best}}.',
      lowerCount:
        'The residual network ended lower at {{residual}} of {{total}} depths, the plain one at {{plain}} (equal: {{equal}}).',
      grewAt:
        '{{family}}: the final loss grew at {{count}} of {{of}} steps to a deeper network (depth, loss): {{steps}}.',
      grewStep: '{{from}} → {{to}} ({{before}} → {{after}})',
      neverGrew: '{{family}}: the final loss never grew from one depth to the next ({{of}} steps).',
      containsBetter: {
        residual_one:
          'Yet the depth-{{deeper}} residual class contains a network with loss {{shallowLoss}}: the trained depth-{{shallow}} network followed by {{extra}} block with W₂ = 0, b₂ = 0, the identity. Training at depth {{deeper}} found {{deeperLoss}}.',
        residual_other:
          'Yet the depth-{{deeper}} residual class contains a network with loss {{shallowLoss}}: the trained depth-{{shallow}} network followed by {{extra}} blocks with W₂ = 0, b₂ = 0, each the identity. Training at depth {{deeper}} found {{deeperLoss}}.',
        plain_one:
          'Yet the depth-{{deeper}} plain class contains a network with loss {{shallowLoss}}: the trained depth-{{shallow}} network followed by {{extra}} layer with W = I, b = 0, the identity (see below). Training at depth {{deeper}} found {{deeperLoss}}.',
        plain_other:
          'Yet the depth-{{deeper}} plain class contains a network with loss {{shallowLoss}}: the trained depth-{{shallow}} network followed by {{extra}} layers with W = I, b = 0, each the identity (see below). Training at depth {{deeper}} found {{deeperLoss}}.',
      },
      whyGrew:
        'Why, when the figure above says the distance can only stay or shrink? Nesting is a promise about the best function of each class: a deeper class contains the shallower one (its networks followed by identity layers), so the best loss it can reach is no higher. The losses here are not those best ones. They are where {{steps}} steps of Adam from one random start (seed {{seed}}) ended, and gradient descent does not find the best function of a class. A deeper network is harder to optimise in a fixed number of steps: the gradient passes through more layers, more weights must be set, and the same budget goes less far. So the measured loss can grow with depth even though the best achievable loss cannot.',
      whyNeverGrew:
        'In this run the measured loss never grew with depth, as nesting allows. That is not guaranteed: nesting is a promise about the best function of each class (a deeper class contains the shallower one, its networks followed by identity layers), and these losses are where {{steps}} steps of Adam from one random start (seed {{seed}}) ended, not the best of each class. A deeper network is harder to optimise in a fixed number of steps, so with another start or budget its measured loss can grow even though the best achievable cannot.',
      constructionHeading: 'The nested construction, exactly',
      constructionIntro:
        "Take the trained networks of depth {{depth}} and append one more layer, four ways: to the residual network a block whose last layer (W₂, b₂) is zero; to the plain one a dense layer whose weights and bias are zero, a dense layer set to the identity (W = I, b = 0), or a dense layer drawn at random like those of the sweep. Each starts from the same trained network. Then each deeper network trains {{steps}} more steps, carrying on where the training of depth {{depth}} stopped (Adam keeps its state for the old weights; the new layer's starts fresh).",
      layer: {
        residualZero: 'residual, W₂ = 0',
        plainZero: 'plain, W = 0',
        plainIdentity: 'plain, W = I',
        plainRandom: 'plain, random W',
      },
      quantity: 'Measured',
      lossBefore: 'loss of the trained depth-{{depth}} network',
      maxChange: 'largest change of any output after appending',
      lossAfterAppend: 'loss right after appending (depth {{deeper}})',
      lossAfterTraining: 'loss after {{steps}} more steps',
      residualZeroSays:
        'Residual: the new block computes relu(h + 0·relu(W₁·h + b₁) + 0) = relu(h) = h (h ≥ 0 after a ReLU), so the outputs changed by {{delta}} and training continued from the same loss, {{loss}}. After {{steps}} more steps: {{trained}}.',
      plainZeroSays:
        'Plain, W = 0: the new layer computes relu(0·h + 0) = 0, so the network can only output its last bias. The outputs moved by up to {{delta}} and the loss went from {{before}} to {{after}}. After {{steps}} more steps: {{trained}}.',
      plainIdentitySays:
        'Plain, W = I: the new layer computes relu(I·h + 0) = relu(h) = h (h ≥ 0 after a ReLU), so the outputs changed by {{delta}} and the loss stayed {{loss}}. After {{steps}} more steps: {{trained}}. A plain layer can be the identity too, so the plain classes are nested as well.',
      plainRandomSays:
        'Plain, random W: a layer started like every plain layer of the sweep (He initialisation) moved the outputs by up to {{delta}}; the loss went from {{before}} to {{after}}. After {{steps}} more steps: {{trained}}.',
      realDifference:
        "So the difference is not what the classes contain: a residual block with W₂ = 0 and a plain layer with W = I are both the identity (the outputs changed by {{residualDelta}} with the block and by {{identityDelta}} with the layer). It is where the identity lies. A residual block is the identity when its branch's weights are zero, and close to it when they are small: this experiment starts every block there, small steps stay near it, and weight decay pulls towards it. A plain layer is the identity only at W = I exactly, {{weights}} numbers ({{width}} × {{width}}) that training must find; a usual random start is far from it (the random layer above moved the outputs by up to {{randomDelta}}, the loss from {{before}} to {{randomLoss}}), and weight decay pulls W towards 0, the layer that outputs nothing.",
    },
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

const zh: Strings<typeof en> = {
  functionClasses: {
    heading: '为什么嵌套函数类很重要',
    p1: '对于非嵌套函数类，较复杂（由较大区域表示）的函数类不能保证更接近“真”函数 f*。这种现象在嵌套函数类中不会发生。',
    p2: '对于深度神经网络，如果我们能将新添加的层训练成恒等映射 f(x) = x，新模型和原模型将同样有效。',
    figure: {
      heading: '逐个函数类地看这张图',
      nonNested: '非嵌套函数类',
      nested: '嵌套函数类',
      short: { nonNested: '非嵌套', nested: '嵌套' },
      notebook1:
        '对于非嵌套函数类，较复杂（由较大区域表示）的函数类不能保证更接近“真”函数（f*）。这种现象在嵌套函数类中不会发生。',
      notebook2: '因此，只有当较复杂的函数类包含较小的函数类时，我们才能确保提高它们的性能。',
      prev: '上一个函数类',
      next: '下一个函数类',
      stepOf: '函数类 F{{i}}，共 {{n}} 个',
      stepLabel: '显示到第几个函数类',
      reset: '把 f* 放回原处',
      truthLabel: '真函数 f* 位于 ({{x}}, {{y}})。拖动它，或使用方向键（按住 Shift 移动更多）。',
      dragHint: '拖动星形 f*（或选中它后使用方向键），观察两边的距离。',
      best: 'F{{i}} 中的最好近似',
      distanceTitle: '每个函数类中的最好近似与 f* 的距离',
      distanceAxis: '距离',
      classAxis: '函数类',
      contains: 'F{{prev}} ⊂ F{{i}}：较小函数类能做到的，较大的函数类仍然能做到。',
      step: {
        first: 'F{{i}} 是最小的函数类。它对真函数的最好近似 f*_F{{i}} 与 f* 相距 {{d}}。',
        closer: 'F{{i}} 比 F{{prev}} 大，它的最好近似也更近了：{{d}}（之前是 {{before}}）。',
        farther: 'F{{i}} 比 F{{prev}} 大，它的最好近似却离 f* 更远了：{{d}}（之前是 {{before}}）。',
        same: 'F{{i}} 比 F{{prev}} 大，却没有更接近：仍是 {{d}}。',
        fartherThan: '与更小的 F{{j}} 相比，F{{i}} 离 f* 更远：{{d}} 对 {{dj}}。',
        inside: 'f* 位于 F{{i}} 之内：这个函数类包含了真函数，距离为 0。',
        stillInside: 'f* 仍在 F{{i}} 之内：距离为 0。',
      },
      summary: {
        nestedNeverGrows: '嵌套：每个函数类都包含前一个，所以无论 f* 在哪里，距离只会不变或缩小。',
        nonNestedGrew: '非嵌套：对这个 f*，某个更大的函数类反而比前一个更远。更大并不意味着更好。',
        nonNestedLucky: '非嵌套：对这个 f*，距离恰好从未增大。把 f* 拖到别处，它就会增大。',
      },
    },
    experiment: {
      heading: '动手测量：不同深度的普通网络与残差网络',
      intro:
        '两类网络拟合同一个目标 y = sin(3x) + 0.3x²，取 [−2, 2] 上的 {{points}} 个点；宽度 {{width}}，Adam（学习率 {{lr}}），{{steps}} 步全批量训练，随机种子 {{seed}}，深度为 {{depths}}。普通网络每加一层是 h ← relu(W·h + b)；残差网络每加一个块 h ← relu(h + W₂·relu(W₁·h + b₁) + b₂)，即把 d2l 笔记本中 Residual 的卷积换成全连接层；W₂ 和 b₂ 初始为零，所以每个残差网络一开始都等于它的第一层加上若干恒等映射。一个残差块有两层权重，因此在深度 {{deepest}} 时，普通网络有 {{plainParams}} 个参数，残差网络有 {{residualParams}} 个。',
      run: '运行实验',
      again: '再运行一次',
      stop: '停止',
      starting: '正在启动计算后端…',
      progress: '正在 {{backend}} 上训练深度为 {{depth}} 的{{family}}网络… {{percent}} %',
      progressConstruction: '正在 {{backend}} 上给训练好的深度为 {{depth}} 的网络追加一层（{{layer}}）… {{percent}} %',
      progressLabel: '实验进度',
      ranOn: '本次运行：{{backend}}，在 Web Worker 中，用时 {{seconds}} 秒。',
      recorded:
        '这是记录下来的结果，不是在这台电脑上测得的：同一个实验于 {{date}} 在 Node 中的 {{backend}} 上运行，用时 {{seconds}} 秒。运行实验即可在这里测量；实时结果会替换它。',
      stopped: '已停止。再运行一次即可看到完整曲线。',
      error: '实验失败：{{message}}',
      plain: '普通',
      residual: '残差',
      target: '目标',
      lossTitle: '最终训练损失与深度的关系',
      depthAxis: '深度（层数）',
      lossAxis: '训练损失（均方误差，对数坐标）',
      fitTitle: '目标函数，以及训练后深度为 {{depth}} 的网络',
      measuredHeading: '这次运行测得了什么',
      numbers: '按深度列出的全部最终损失',
      depth: '深度',
      deepest: '深度为 {{depth}} 时，普通网络的最终损失为 {{plain}}，残差网络为 {{residual}}。',
      trend:
        '{{family}}：从深度 {{from}} 到 {{to}}，损失从 {{first}} 变为 {{last}}；最低为 {{bestLoss}}，出现在深度 {{best}}。',
      lowerCount:
        '在 {{total}} 个深度中，残差网络有 {{residual}} 个更低，普通网络有 {{plain}} 个更低（相等：{{equal}}）。',
      grewAt: '{{family}}：在 {{of}} 次加深中，有 {{count}} 次最终损失反而增大（深度，损失）：{{steps}}。',
      grewStep: '{{from}} → {{to}}（{{before}} → {{after}}）',
      neverGrew: '{{family}}：在 {{of}} 次加深中，最终损失一次也没有增大。',
      containsBetter: {
        residual_one:
          '然而，深度为 {{deeper}} 的残差函数类包含一个损失为 {{shallowLoss}} 的网络：训练好的深度 {{shallow}} 网络，后接 {{extra}} 个 W₂ = 0、b₂ = 0 的块，每个块都是恒等映射。在深度 {{deeper}} 训练得到的却是 {{deeperLoss}}。',
        residual_other:
          '然而，深度为 {{deeper}} 的残差函数类包含一个损失为 {{shallowLoss}} 的网络：训练好的深度 {{shallow}} 网络，后接 {{extra}} 个 W₂ = 0、b₂ = 0 的块，每个块都是恒等映射。在深度 {{deeper}} 训练得到的却是 {{deeperLoss}}。',
        plain_one:
          '然而，深度为 {{deeper}} 的普通函数类包含一个损失为 {{shallowLoss}} 的网络：训练好的深度 {{shallow}} 网络，后接 {{extra}} 个 W = I、b = 0 的层，每层都是恒等映射（见下文）。在深度 {{deeper}} 训练得到的却是 {{deeperLoss}}。',
        plain_other:
          '然而，深度为 {{deeper}} 的普通函数类包含一个损失为 {{shallowLoss}} 的网络：训练好的深度 {{shallow}} 网络，后接 {{extra}} 个 W = I、b = 0 的层，每层都是恒等映射（见下文）。在深度 {{deeper}} 训练得到的却是 {{deeperLoss}}。',
      },
      whyGrew:
        '上面的图说距离只会不变或缩小，为什么这里会变大？嵌套保证的是每个函数类中最好的函数：更深的函数类包含较浅的函数类（较浅的网络后接恒等层），所以它能达到的最低损失不会更高。但这里的损失并不是那个最好值，而是从一个随机起点（随机种子 {{seed}}）用 Adam 训练 {{steps}} 步后停下的位置；梯度下降找不到函数类中最好的函数。在固定的步数内，更深的网络更难优化：梯度要穿过更多层，要调整的权重更多，同样的步数走得没那么远。所以测得的损失可以随深度增大，尽管可达到的最低损失不会。',
      whyNeverGrew:
        '这次运行中，测得的损失从未随深度增大，与嵌套相符。但这并无保证：嵌套保证的是每个函数类中最好的函数（更深的函数类包含较浅的网络后接恒等层），而这些损失是从一个随机起点（随机种子 {{seed}}）用 Adam 训练 {{steps}} 步后停下的位置，并不是各函数类中最好的。在固定的步数内，更深的网络更难优化，所以换一个起点或步数，测得的损失就可能增大，尽管可达到的最低损失不会。',
      constructionHeading: '嵌套的构造，精确地',
      constructionIntro:
        '取训练好的深度为 {{depth}} 的网络，用四种方式再追加一层：给残差网络追加一个最后一层（W₂, b₂）为零的块；给普通网络追加一个权重和偏置全为零的全连接层、一个设为恒等映射（W = I, b = 0）的全连接层，或一个像扫描中那样随机初始化的全连接层。每种都从同一个训练好的网络开始。然后把每个更深的网络再训练 {{steps}} 步，接着深度 {{depth}} 的训练停下的地方继续（旧权重保留 Adam 的状态，新层的状态从头开始）。',
      layer: {
        residualZero: '残差，W₂ = 0',
        plainZero: '普通，W = 0',
        plainIdentity: '普通，W = I',
        plainRandom: '普通，随机 W',
      },
      quantity: '测量值',
      lossBefore: '训练好的深度 {{depth}} 网络的损失',
      maxChange: '追加后任一输出的最大变化',
      lossAfterAppend: '刚追加后的损失（深度 {{deeper}}）',
      lossAfterTraining: '再训练 {{steps}} 步后的损失',
      residualZeroSays:
        '残差：新块计算 relu(h + 0·relu(W₁·h + b₁) + 0) = relu(h) = h（ReLU 之后 h ≥ 0），所以输出变化为 {{delta}}，训练从同样的损失 {{loss}} 继续。再训练 {{steps}} 步后：{{trained}}。',
      plainZeroSays:
        '普通，W = 0：新层计算 relu(0·h + 0) = 0，所以网络只能输出最后一层的偏置。输出最多变化了 {{delta}}，损失从 {{before}} 变为 {{after}}。再训练 {{steps}} 步后：{{trained}}。',
      plainIdentitySays:
        '普通，W = I：新层计算 relu(I·h + 0) = relu(h) = h（ReLU 之后 h ≥ 0），所以输出变化为 {{delta}}，损失仍是 {{loss}}。再训练 {{steps}} 步后：{{trained}}。普通层也可以是恒等映射，所以普通网络的函数类同样是嵌套的。',
      plainRandomSays:
        '普通，随机 W：一个像扫描中每个普通层那样初始化（He 初始化）的新层，让输出最多变化了 {{delta}}，损失从 {{before}} 变为 {{after}}。再训练 {{steps}} 步后：{{trained}}。',
      realDifference:
        '所以区别不在于函数类包含什么：W₂ = 0 的残差块和 W = I 的普通层都是恒等映射（加上残差块后输出变化了 {{residualDelta}}，加上普通层后变化了 {{identityDelta}}）。区别在于恒等映射在哪里。残差块在分支权重为零时就是恒等映射，权重很小时也接近它：本实验的每个块都从那里开始，小步长会停留在它附近，权重衰减也把它往那里拉。普通层只有在 W 恰好等于 I 时才是恒等映射，这是训练必须找到的 {{weights}} 个数（{{width}} × {{width}}）；通常的随机起点离它很远（上面的随机层让输出最多变化了 {{randomDelta}}，损失从 {{before}} 变为 {{randomLoss}}），而权重衰减把 W 拉向 0，也就是什么都不输出的那一层。',
    },
  },
};

export const functionClassesStrings = { en, zh };
