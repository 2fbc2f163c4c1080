/**
 * Strings of the lesion study ("Remove one block"): the network chapter's panel, its chart
 * and the sentences of src/explain/lesion/describe.ts, English and Chinese.
 */
const en = {
  lesion: {
    heading: 'Remove one block',
    intro:
      'A trained network with one residual block taken out: the block’s two convolutions are gone, its shortcut stays, so it hands on relu(shortcut(X)): X itself for a block that keeps the shape, relu(conv3(X)) for a block that downsamples. How much does the network still get right?',
    run_one: 'Remove each block in turn ({{count, number}} held-out image)',
    run_other: 'Remove each block in turn ({{count, number}} held-out images)',
    expected:
      '{{passes, number}} forward passes: 9 networks (intact and each of the 8 blocks removed) on {{images, number}} images never used in training, 100 of each class at most, on {{backend}}.',
    cancel: 'Cancel',
    cancelled: 'Cancelled. Nothing was kept; run it again when you like.',
    progress: 'Running the networks… {{percent}} %',
    progressLabel: 'Progress of the lesion study',
    loading: 'Downloading the held-out images… {{percent}} %',
    failed:
      'The lesion study stopped: the model’s worker failed while running the networks. Try again; if it fails again, reload the page.',
    dataFailed: 'The held-out images could not be downloaded. Check the connection and try again.',
    onlyResNet18: 'The lesion study runs on the trained ResNet-18 (choose it above).',
    untrained: 'The lesion study needs trained weights: with random weights every removal is at chance.',
    done: 'Measured on {{images, number}} held-out images at {{size}}×{{size}} on {{backend}} in {{seconds, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} s.',
    chartTitle: 'Accuracy with one block removed',
    axisX: 'Block removed',
    axisY: 'Held-out accuracy',
    none: 'none',
    intactLine: 'intact {{accuracy}} %',
    chance: 'chance 10 %',
    barLabel: 'without {{block}}: {{accuracy}} %',
    barIntact: 'intact network: {{accuracy}} %',
    legendDown: 'downsamples (1×1 shortcut)',
    legendSame: 'keeps the shape (identity shortcut)',
    step: 'Step through with {{block}} removed',
    removedNote:
      'Block {{block}} is removed: its branch Y is still computed for you to look at, but Y += X adds nothing of it, so {{block}} hands on relu(shortcut(X)). Step to the blocks after it to see what they receive, and watch the predictions.',
    putBack: 'Put {{block}} back',
    findings: 'What this run shows',
    sentence: {
      intact_one:
        'With all {{blocks}} blocks the network gets {{intact}} % of {{count, number}} held-out image right; below, each bar is the same network with one block removed.',
      intact_other:
        'With all {{blocks}} blocks the network gets {{intact}} % of {{count, number}} held-out images right; below, each bar is the same network with one block removed.',
      hardly_one: 'Removing {{blocks}} hardly matters: it stays within {{points}} points of the intact network.',
      hardly_other:
        'Removing any one of {{blocks}} hardly matters: each stays within {{points}} points of the intact network.',
      some_one: 'Removing {{blocks}} costs some accuracy: between {{from}} and {{to}} points.',
      some_other: 'Removing {{blocks}} costs some accuracy: between {{from}} and {{to}} points each.',
      hurt_one: 'Removing {{blocks}} hurts: more than {{points}} points lost.',
      hurt_other: 'Removing {{blocks}} hurts: each loses more than {{points}} points.',
      worst: 'The worst removal is {{block}}: {{accuracy}} %, {{drop}} points below the intact network.',
      worstChance:
        'The worst removal is {{block}}: {{accuracy}} %, about chance (10 %), {{drop}} points below the intact network.',
      downsamplingWorse:
        'The blocks that downsample ({{down}}) cost {{dDown}} points on average when removed, the others {{dSame}}: as the paper found, the downsampling blocks matter more.',
      downsamplingNotWorse:
        'The blocks that downsample ({{down}}) cost {{dDown}} points on average when removed, the others {{dSame}}: this run does not show the downsampling blocks mattering more.',
      paper:
        'The paper: Veit, Wilber and Belongie (NeurIPS 2016) removed single blocks from a ResNet-110 trained on CIFAR-10 ({{paperBlocks, number}} blocks) and the error barely changed, except at the blocks that downsample; removing a layer from a plain network (VGG) dropped it to chance. They read it as a residual network behaving like an ensemble of many shallower paths. ResNet-18 has only {{blocks}} blocks, so each is a larger share of those paths: larger drops are expected here than in the paper.',
    },
  },
  raceLesion: {
    heading: 'Remove one block from the trained networks',
    intro:
      'The networks this race trained, each with one block taken out at a time, on the race’s validation images. Only blocks that keep the shape can go: each is replaced by the identity (a plain network’s stage-change blocks have no shortcut to fall back on, so they stay).',
    run: 'Remove each block in turn',
    running: 'Measuring…',
    failed:
      'The measurement stopped: the race’s worker failed while removing blocks. Try again; if it fails again, run the race again.',
    retry: 'Try again',
    notOffered:
      'Removing blocks is offered for networks with n ≥ {{n}} blocks per stage: race a depth of 20 layers or more.',
    caption:
      'Validation accuracy ({{images, number}} images): intact, and with each shape-keeping block replaced by the identity, in order.',
    network: 'Network',
    intact: 'Intact',
    removedEach: 'One block removed (each in turn)',
    sentence: {
      pair: 'At {{depth}} layers ({{count, number}} blocks removable): plain {{pIntact}} % intact, {{pMean}} % on average with one block removed (lowest {{pLowest}} %); residual {{rIntact}} % intact, {{rMean}} % on average (lowest {{rLowest}} %).',
      shows:
        'This run shows what Veit, Wilber and Belongie report: the plain network collapses to about chance when any block goes, the residual one degrades gracefully.',
      plainSurvives:
        'This run does not show the plain network collapsing: it keeps well above chance with a block removed (the residual one degrades gracefully). A short race leaves plain networks less dependent on each layer than a fully trained VGG.',
      bothHurt:
        'This run does not show the residual network degrading gracefully: it loses more than {{points}} points on average, and the plain one collapses too.',
      neither:
        'This run does not show the paper’s contrast: the plain network keeps well above chance and the residual one loses more than {{points}} points on average.',
    },
  },
};

const zh: typeof en = {
  lesion: {
    heading: '删除一个残差块',
    intro:
      '把训练好的网络中的一个残差块拿掉：块内的两个卷积不再计算，捷径保留，于是它向后传出 relu(shortcut(X))——对形状不变的块就是 X 本身，对下采样的块是 relu(conv3(X))。网络还能答对多少？',
    run_one: '依次删除每个块（{{count, number}} 张留出图像）',
    run_other: '依次删除每个块（{{count, number}} 张留出图像）',
    expected:
      '共 {{passes, number}} 次前向计算：9 个网络（完整网络和分别删去 8 个块之一）在 {{images, number}} 张从未用于训练的图像上（每类最多 100 张），运行于 {{backend}}。',
    cancel: '取消',
    cancelled: '已取消，没有保留任何结果；随时可以再运行。',
    progress: '正在运行这些网络…… {{percent}} %',
    progressLabel: '删除实验的进度',
    loading: '正在下载留出图像…… {{percent}} %',
    failed: '删除实验中断了：模型的后台线程在运行网络时出错。请再试一次；如果仍然失败，请重新加载页面。',
    dataFailed: '留出图像下载失败。请检查网络连接后重试。',
    onlyResNet18: '删除实验使用训练好的 ResNet-18（请在上方选择它）。',
    untrained: '删除实验需要训练好的权重：随机权重下删掉哪个块都是随机猜测的水平。',
    done: '在 {{images, number}} 张留出图像上、{{size}}×{{size}} 输入、{{backend}} 上测得，用时 {{seconds, number(minimumFractionDigits: 1; maximumFractionDigits: 1)}} 秒。',
    chartTitle: '删除一个块后的准确率',
    axisX: '删除的块',
    axisY: '留出集准确率',
    none: '不删',
    intactLine: '完整网络 {{accuracy}} %',
    chance: '随机猜测 10 %',
    barLabel: '删除 {{block}}：{{accuracy}} %',
    barIntact: '完整网络：{{accuracy}} %',
    legendDown: '下采样（1×1 捷径）',
    legendSame: '形状不变（恒等捷径）',
    step: '删除 {{block}} 后逐步查看',
    removedNote:
      '已删除块 {{block}}：它的分支 Y 仍然计算出来供你查看，但 Y += X 不再加上它，所以 {{block}} 传出的是 relu(shortcut(X))。逐步走到后面的块，看看它们收到了什么，并留意预测的变化。',
    putBack: '放回 {{block}}',
    findings: '这次运行的结果',
    sentence: {
      intact_one:
        '{{blocks}} 个块都在时，网络在 {{count, number}} 张留出图像上答对 {{intact}} %；下面每根柱子是同一个网络删去一个块后的结果。',
      intact_other:
        '{{blocks}} 个块都在时，网络在 {{count, number}} 张留出图像上答对 {{intact}} %；下面每根柱子是同一个网络删去一个块后的结果。',
      hardly_one: '删除 {{blocks}} 几乎没有影响：与完整网络相差不到 {{points}} 个百分点。',
      hardly_other: '删除 {{blocks}} 中的任意一个几乎没有影响：与完整网络相差都不到 {{points}} 个百分点。',
      some_one: '删除 {{blocks}} 损失了一些准确率：{{from}} 到 {{to}} 个百分点之间。',
      some_other: '删除 {{blocks}} 各损失了一些准确率：{{from}} 到 {{to}} 个百分点之间。',
      hurt_one: '删除 {{blocks}} 影响很大：损失超过 {{points}} 个百分点。',
      hurt_other: '删除 {{blocks}} 影响都很大：各损失超过 {{points}} 个百分点。',
      worst: '影响最大的是删除 {{block}}：{{accuracy}} %，比完整网络低 {{drop}} 个百分点。',
      worstChance: '影响最大的是删除 {{block}}：{{accuracy}} %，接近随机猜测（10 %），比完整网络低 {{drop}} 个百分点。',
      downsamplingWorse:
        '下采样的块（{{down}}）被删除时平均损失 {{dDown}} 个百分点，其余的块平均 {{dSame}}：与论文一致，下采样的块更重要。',
      downsamplingNotWorse:
        '下采样的块（{{down}}）被删除时平均损失 {{dDown}} 个百分点，其余的块平均 {{dSame}}：这次运行没有显示下采样的块更重要。',
      paper:
        '论文：Veit、Wilber 和 Belongie（NeurIPS 2016）从在 CIFAR-10 上训练的 ResNet-110（{{paperBlocks, number}} 个块）中每次删除一个块，错误率几乎不变，只有下采样的块例外；而从普通网络（VGG）中删除一层，准确率就跌到随机水平。他们认为残差网络的行为像许多较浅路径的集成。ResNet-18 只有 {{blocks}} 个块，每个块占这些路径的比例更大，所以这里的下降预计比论文中更大。',
    },
  },
  raceLesion: {
    heading: '从训练好的网络中删除一个块',
    intro:
      '这次赛跑训练出的网络，每次拿掉一个块，在赛跑的验证图像上测准确率。只有形状不变的块可以删除：换成恒等映射（普通网络在阶段交界处的块没有捷径可退，所以保留）。',
    run: '依次删除每个块',
    running: '正在测量……',
    failed: '测量中断了：赛跑的后台线程在删除块时出错。请再试一次；如果仍然失败，请重新进行赛跑。',
    retry: '再试一次',
    notOffered: '每阶段 n ≥ {{n}} 个块的网络才提供删除实验：请赛跑 20 层或更深的网络。',
    caption: '验证准确率（{{images, number}} 张图像）：完整网络，以及依次把每个形状不变的块换成恒等映射后的结果。',
    network: '网络',
    intact: '完整',
    removedEach: '删除一个块（依次）',
    sentence: {
      pair: '{{depth}} 层（可删除 {{count, number}} 个块）：普通网络完整时 {{pIntact}} %，删除一个块后平均 {{pMean}} %（最低 {{pLowest}} %）；残差网络完整时 {{rIntact}} %，平均 {{rMean}} %（最低 {{rLowest}} %）。',
      shows:
        '这次运行显示了 Veit、Wilber 和 Belongie 报告的现象：普通网络删掉任何一个块都跌到接近随机水平，残差网络则平缓退化。',
      plainSurvives:
        '这次运行没有显示普通网络崩溃：删除一个块后它仍远高于随机水平（残差网络平缓退化）。短时间的赛跑让普通网络对每一层的依赖不如充分训练的 VGG 那么强。',
      bothHurt: '这次运行没有显示残差网络平缓退化：它平均损失超过 {{points}} 个百分点，普通网络也崩溃了。',
      neither: '这次运行没有显示论文中的对比：普通网络仍远高于随机水平，而残差网络平均损失超过 {{points}} 个百分点。',
    },
  },
};

export const lesionStrings = { en, zh };
