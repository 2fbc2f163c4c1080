/** Strings of the race chapter's loss landscape, English and Chinese (same keys; a test checks). */
const en = {
  landscape: {
    heading: 'Look at the loss surface',
    intro:
      'Li, Xu, Taylor, Studer and Goldstein (NeurIPS 2018) drew the loss around a trained network’s weights on a plane spanned by two random directions. Deep plain networks showed chaotic surfaces; the same networks with skip connections a smooth, nearly convex basin. Here the networks this race trained are drawn the same way.',
    method:
      'The plane: the trained weights plus a·δ + b·η for a and b from −1 to 1, on a {{size}} × {{size}} grid. δ and η are random (seed {{seed}}) and filter-normalised: every filter of a direction is scaled to the norm of the weight filter it moves, so a step of 1 is as large as the filter itself. Biases and batch norm’s γ and β stay put. The loss is the mean over the first {{images, number}} training images, with batch norm’s running statistics (evaluation mode).',
    needRace: 'Finish a race first: the surface is drawn around the weights it trained.',
    referenceFirst:
      'Until then, here are PyTorch’s plain and residual networks of 56 layers, trained with the race’s recipe: at that depth the contrast shows.',
    estimate_one:
      'This computes {{points, number}} grid points for {{count, number}} network on {{backend}}: about {{time}}, estimated from the race’s measured speed.',
    estimate_other:
      'This computes {{points, number}} grid points for each of {{count, number}} networks on {{backend}}: about {{time}}, estimated from the race’s measured speed.',
    smallGrid: 'The link asks for a small grid ({{size}} × {{size}}): quicker, coarser.',
    start: 'Compute the loss surface',
    cancel: 'Cancel',
    progressLabel: 'Loss surface computed',
    progress: '{{done, number}} of {{total, number}} points, about {{time}} left',
    starting: 'Starting…',
    error:
      'The loss surface stopped: the race’s worker failed while computing it. Try again; if it fails again, run the race again.',
    retry: 'Try again',
    figure: 'Loss around the trained weights',
    colourBar: 'loss (log scale, shared by every map)',
    slice: 'Through the centre (b = 0)',
    sliceX: 'a: distance along the first direction',
    sliceY: 'loss',
    trainedHere: 'trained here',
    reference: 'PyTorch, {{steps, number}} steps, {{size}} × {{size}} grid',
    noteRise: 'rise within {{radius}}: {{rise}}',
    noteShare: 'non-convex at {{share}}',
    findings: {
      heading: 'What this surface shows',
      run: '{{network}}: loss {{centre}} at the trained weights. Within radius {{radius}} it rises by up to {{rise}}; the 2-D Hessian has a negative eigenvalue at {{share}} of the inner grid points.',
      shown:
        'At {{depth}} layers this run shows Li et al.’s contrast: the plain network’s loss rises faster around its minimum and its surface is non-convex at more points than the residual network’s.',
      mixed:
        'At {{depth}} layers this run shows only part of Li et al.’s contrast: one of the two measures is worse for the plain network, the other is not.',
      notShown:
        'At {{depth}} layers this run does not show Li et al.’s contrast: the plain network’s surface rises no faster and is non-convex at no more points than the residual one’s.',
      shallow:
        'At {{depth}} layers both surfaces are expected to be smooth: Li et al. found even a 20-layer network without skip connections nearly convex. The contrast shows from 56 layers, as in PyTorch’s reference beside.',
      planeOnly:
        'Convexity is measured in this plane only. Li et al. also map the full Hessian’s |λmin/λmax|, which sees every direction, not two.',
      reference:
        'PyTorch’s 56-layer networks, trained with the race’s recipe: the plain one ({{plainSteps, number}} steps) rises by up to {{plainRise}} within radius {{radius}} and is non-convex at {{plainShare}} of the inner points; the residual one ({{residualSteps, number}} steps) rises by up to {{residualRise}} and is non-convex at {{residualShare}}.',
    },
  },
};

const zh: typeof en = {
  landscape: {
    heading: '看看损失曲面',
    intro:
      'Li、Xu、Taylor、Studer 和 Goldstein（NeurIPS 2018）在两条随机方向张成的平面上画出了训练好的网络权重周围的损失。深的普通网络曲面杂乱无章；同样的网络加上跳跃连接，则是一个平滑、近乎凸的盆地。这里用同样的方法画出本次赛跑训练出的网络。',
    method:
      '平面：训练好的权重加上 a·δ + b·η，a 和 b 从 −1 到 1，网格 {{size}} × {{size}}。δ 和 η 是随机方向（种子 {{seed}}），并按滤波器归一化：方向中的每个滤波器缩放到它所移动的权重滤波器的范数，所以步长 1 与滤波器本身一样大。偏置和批量归一化的 γ、β 不动。损失是前 {{images, number}} 张训练图像的平均值，批量归一化使用运行统计量（评估模式）。',
    needRace: '请先完成一次赛跑：曲面画在它训练出的权重周围。',
    referenceFirst:
      '在此之前，先看 PyTorch 用赛跑的训练方法训练的 56 层普通网络和残差网络：在这个深度，差别才显现出来。',
    estimate_one:
      '将在 {{backend}} 上为 {{count, number}} 个网络计算 {{points, number}} 个网格点：约需 {{time}}（按赛跑测得的速度估计）。',
    estimate_other:
      '将在 {{backend}} 上为 {{count, number}} 个网络各计算 {{points, number}} 个网格点：约需 {{time}}（按赛跑测得的速度估计）。',
    smallGrid: '链接要求使用小网格（{{size}} × {{size}}）：更快，但更粗。',
    start: '计算损失曲面',
    cancel: '取消',
    progressLabel: '损失曲面计算进度',
    progress: '已完成 {{done, number}} / {{total, number}} 个点，约剩 {{time}}',
    starting: '正在开始…',
    error: '损失曲面的计算中断了：赛跑的后台线程在计算时出错。请再试一次；如果仍然失败，请重新进行赛跑。',
    retry: '再试一次',
    figure: '训练权重周围的损失',
    colourBar: '损失（对数刻度，所有图共用）',
    slice: '穿过中心的切片（b = 0）',
    sliceX: 'a：沿第一条方向的距离',
    sliceY: '损失',
    trainedHere: '在此训练',
    reference: 'PyTorch，{{steps, number}} 步，{{size}} × {{size}} 网格',
    noteRise: '半径 {{radius}} 内上升：{{rise}}',
    noteShare: '非凸点：{{share}}',
    findings: {
      heading: '这个曲面说明了什么',
      run: '{{network}}：训练权重处损失为 {{centre}}。在半径 {{radius}} 内最多上升 {{rise}}；二维 Hessian 在 {{share}} 的内部网格点上有负特征值。',
      shown:
        '在 {{depth}} 层时，本次运行显示了 Li 等人的对比：普通网络的损失在极小值附近上升更快，非凸的点也比残差网络多。',
      mixed: '在 {{depth}} 层时，本次运行只显示了 Li 等人对比的一部分：两个指标中只有一个对普通网络更差。',
      notShown:
        '在 {{depth}} 层时，本次运行没有显示 Li 等人的对比：普通网络的曲面上升并不更快，非凸的点也不比残差网络多。',
      shallow:
        '在 {{depth}} 层时，两个曲面都应当是平滑的：Li 等人发现，即使没有跳跃连接的 20 层网络也近乎凸。对比从 56 层开始显现，见旁边 PyTorch 的参考。',
      planeOnly:
        '这里只度量这个平面内的凸性。Li 等人还画出了完整 Hessian 的 |λmin/λmax|，它考虑所有方向，而不只是两条。',
      reference:
        'PyTorch 的 56 层网络（按赛跑的配方训练）：普通网络（{{plainSteps, number}} 步）在半径 {{radius}} 内最多上升 {{plainRise}}，{{plainShare}} 的内部点非凸；残差网络（{{residualSteps, number}} 步）最多上升 {{residualRise}}，{{residualShare}} 的内部点非凸。',
    },
  },
};

export const landscapeStrings = { en, zh };
