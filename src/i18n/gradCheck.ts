/** Strings of the race chapter's "Checked against PyTorch", English and Chinese (same keys; a test checks). */
const en = {
  gradCheck: {
    summary: 'Checked against PyTorch',
    intro:
      "PyTorch trained the same networks from the same starting weights on the same batches with the same recipe, in 64-bit floating point (training/grad_fixtures.py). Here they train on {{backend}}, in a worker of their own, and are compared tensor by tensor: the loss, every gradient, each layer's gradient norm, and every parameter and batch-norm statistic after {{steps}} steps.",
    rule: "A tensor passes when ‖a − b‖ ≤ 10⁻⁴·‖b‖ + 10⁻⁶·G + 5·s. G is the network's largest gradient norm (a convolution bias that feeds batch norm has a gradient of exactly 0, so a purely relative test could not pass for it). s is how far PyTorch's own 32-bit runs land from its 64-bit answer: in the deeper networks batch norm amplifies rounding from layer to layer, and a ReLU input within rounding of 0 can switch sides, so 32-bit arithmetic cannot reliably get closer. Its relative error is ‖a − b‖ / (‖b‖ + 0.01·G + 5·10⁴·s), allowed up to {{allowed}}.",
    chosenBackend: 'the backend this page chooses',
    notExact: 'PyTorch has no numbers for the networks of this race; the nearest networks it has are checked instead.',
    starting: 'Starting {{backend}}…',
    running_one: 'Checking on {{backend}}: {{done}} of {{count}} network done…',
    running_other: 'Checking on {{backend}}: {{done}} of {{count}} networks done…',
    pass: '{{backend}} matches PyTorch: the largest relative error is {{error}} ({{where}}, {{network}}), within {{allowed}}.',
    fail: '{{backend}} does not match PyTorch: {{network}}, {{where}}, relative error {{error}} (allowed {{allowed}}).',
    caption: 'Each network on {{backend}} against PyTorch',
    network: 'Network',
    worst: 'Largest relative error',
    where: 'Where',
    compared: 'Comparisons',
    seconds: 'Seconds for {{steps}} steps',
    result: 'Result',
    passed: 'within {{allowed}}',
    failed: 'over {{allowed}}',
    name: '{{family}}, {{depth}} layers, width {{width}}',
    plain: 'plain',
    residual: 'residual',
    what: {
      batches: 'the order of the batches',
      loss: 'the loss',
      layerNorm: 'gradient norm of layer {{name}}',
      gradient: 'gradient of {{name}}',
      after: '{{name}} after {{steps}} steps',
      order: 'the names and order of the parameters',
    },
    error: {
      backend: '{{backend}} could not start here, so it was not checked (no other backend stands in for it).',
      download:
        "PyTorch's numbers or the training images could not be downloaded. Check the connection and open this again.",
      other: 'The check stopped on {{backend}} before it finished. Reload the page to try again.',
    },
  },
};

const zh: typeof en = {
  gradCheck: {
    summary: '与 PyTorch 核对',
    intro:
      'PyTorch 用 64 位浮点数训练了同样的网络：同样的初始权重、同样的批次、同样的训练方法（training/grad_fixtures.py）。这里它们在 {{backend}} 上、在单独的 worker 中训练，并逐个张量比较：损失、每个梯度、每层的梯度范数，以及 {{steps}} 步之后的每个参数和批量归一化统计量。',
    rule: '当 ‖a − b‖ ≤ 10⁻⁴·‖b‖ + 10⁻⁶·G + 5·s 时张量通过。G 是该网络最大的梯度范数（接入批量归一化的卷积偏置，其梯度恰为 0，纯相对误差的检验对它无法通过）。s 是 PyTorch 自己的 32 位运行与其 64 位结果之间的距离：在较深的网络中，批量归一化会逐层放大舍入误差，而一个与 0 只差舍入误差的 ReLU 输入可能落到另一侧，因此 32 位运算无法可靠地更接近。相对误差为 ‖a − b‖ / (‖b‖ + 0.01·G + 5·10⁴·s)，允许不超过 {{allowed}}。',
    chosenBackend: '本页选择的后端',
    notExact: 'PyTorch 没有这次赛跑中网络的数据，改为核对它已有的最接近的网络。',
    starting: '正在启动 {{backend}}…',
    running_one: '正在 {{backend}} 上核对：已完成 {{done}} 个网络，共 {{count}} 个…',
    running_other: '正在 {{backend}} 上核对：已完成 {{done}} 个网络，共 {{count}} 个…',
    pass: '{{backend}} 与 PyTorch 一致：最大相对误差为 {{error}}（{{network}}，{{where}}），在 {{allowed}} 以内。',
    fail: '{{backend}} 与 PyTorch 不一致：{{network}}，{{where}}，相对误差 {{error}}（允许 {{allowed}}）。',
    caption: '{{backend}} 上每个网络与 PyTorch 的比较',
    network: '网络',
    worst: '最大相对误差',
    where: '位置',
    compared: '比较项数',
    seconds: '{{steps}} 步用时（秒）',
    result: '结果',
    passed: '在 {{allowed}} 以内',
    failed: '超过 {{allowed}}',
    name: '{{family}}，{{depth}} 层，宽度 {{width}}',
    plain: '普通',
    residual: '残差',
    what: {
      batches: '批次的顺序',
      loss: '损失',
      layerNorm: '第 {{name}} 层的梯度范数',
      gradient: '{{name}} 的梯度',
      after: '{{steps}} 步之后的 {{name}}',
      order: '参数的名称与顺序',
    },
    error: {
      backend: '{{backend}} 无法在此启动，因此没有核对（不会用其他后端代替）。',
      download: '无法下载 PyTorch 的数据或训练图像。请检查网络连接后重新打开。',
      other: '在 {{backend}} 上的核对未完成就停止了。请重新加载页面再试。',
    },
  },
};

export const gradCheckStrings = { en, zh };
